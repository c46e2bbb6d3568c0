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

    /// <summary>A fake clock and no background work: the run and scheduling tests' host.</summary>
    public static BotHostOptions FakeClock(FakeTimeProvider clock) => new() { Clock = clock, BackgroundWork = false };
}
