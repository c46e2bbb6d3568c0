namespace CheckinBot.Core.Registrations;

/// <summary>
/// Where and how to reach one person in chat: captured when they install the bot and refreshed on every
/// activity, because the service URL can change. <see cref="Version"/> is the store's concurrency token.
/// </summary>
public sealed record ChatRegistration
{
    /// <summary>The person's Entra object id (the key everything else uses).</summary>
    public required string UserId { get; init; }
    public required string TenantId { get; init; }

    /// <summary>The channel's own id for the person (Teams: <c>29:...</c>, unique per bot).</summary>
    public required string ChannelUserId { get; init; }

    /// <summary>The bot's own id in the channel (Teams: <c>28:&lt;app id&gt;</c>), needed to open a new chat.</summary>
    public string? BotChannelId { get; init; }
    public string? DisplayName { get; init; }
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }

    /// <summary>IANA time zone reported by the person's client, if any.</summary>
    public string? TimeZone { get; init; }
    public RegistrationStatus Status { get; init; } = RegistrationStatus.Active;

    /// <summary>Why the person became unreachable (for example <c>MessageWritesBlocked</c>); null while active.</summary>
    public string? StatusReason { get; init; }
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>When the welcome card last went out; claimed before sending so duplicate install events greet once.</summary>
    public DateTimeOffset? WelcomedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }

    /// <summary>True when a fresh observation differs in anything we store.</summary>
    internal bool DiffersFrom(ChatRegistration other) =>
        TenantId != other.TenantId
        || ChannelUserId != other.ChannelUserId
        || (other.BotChannelId is not null && BotChannelId != other.BotChannelId)
        || ConversationId != other.ConversationId
        || ServiceUrl != other.ServiceUrl
        || (other.DisplayName is not null && DisplayName != other.DisplayName)
        || (other.TimeZone is not null && TimeZone != other.TimeZone)
        || Status != other.Status
        || WelcomedAt != other.WelcomedAt;
}

public enum RegistrationStatus
{
    /// <summary>The bot is installed and messages can be sent.</summary>
    Active,

    /// <summary>The person removed the bot.</summary>
    Uninstalled,

    /// <summary>Teams refused delivery (blocked bot, deleted chat); nothing is sent until they talk to the bot again.</summary>
    Unreachable,
}
