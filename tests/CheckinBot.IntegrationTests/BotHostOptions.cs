using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests;

/// <summary>What a test changes about the <see cref="BotHost"/>; the defaults are the production composition.</summary>
internal sealed record BotHostOptions
{
    /// <summary>A clock that moves only when the test says (the send budget then grants every slot at once).</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>False: no background workers; the test runs their work itself at moments of its choosing.</summary>
    public bool BackgroundWork { get; init; } = true;

    /// <summary>Configuration on top of the test defaults (Azurite, a table prefix of its own).</summary>
    public IDictionary<string, string?>? Settings { get; init; }

    /// <summary>Replaces or adds services after the production ones.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>Alex has installed the bot when the test starts (the install's welcome card is then posted).</summary>
    public bool AlexInstalled { get; init; } = true;

    /// <summary>
    /// A bot with this app id whose callers must bring tokens from <see cref="Identity"/> (Bot Framework and Entra
    /// metadata, keys, tokens); without one the host is in local mode and trusts loopback callers. The test names the
    /// tenant (<c>Bot:TenantId</c>).
    /// </summary>
    public FakeIdentityProvider? Identity { get; init; }

    public const string AppId = "5b1c0b9e-7d53-4a2b-9c61-3f1f0c2b7a11";

    /// <summary>The org directory from this loopback Graph, signed in with a fake credential.</summary>
    public FakeGraph? Graph { get; init; }

    /// <summary>The ASP.NET Core environment ("Testing" unless set; "Production" for the production-only rules).</summary>
    public string? Environment { get; init; }

    /// <summary>Another instance of the same deployment: the tables of a host already running.</summary>
    public string? TablePrefix { get; init; }

    /// <summary>A fake clock and no background work: the run and scheduling tests' host.</summary>
    public static BotHostOptions FakeClock(FakeTimeProvider clock) => new() { Clock = clock, BackgroundWork = false };
}
