namespace CheckinBot.Teams.Connector;

/// <summary>Retry policy for connector calls (configuration section <c>Teams:Resilience</c>); https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit.</summary>
public sealed class ConnectorResilienceOptions
{
    public const string SectionName = "Teams:Resilience";

    public int MaxRetries { get; set; } = 4;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A Retry-After longer than this is not waited out inline: the call returns Throttled and the caller reschedules.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
