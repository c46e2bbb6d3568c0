using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Teams.Connector;

/// <summary>Retry policy for connector calls (configuration section <c>Teams:Resilience</c>); https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit.</summary>
public sealed class ConnectorResilienceOptions
{
    public const string SectionName = "Teams:Resilience";

    [Range(0, 10, ErrorMessage = "Teams:Resilience:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Teams:Resilience:BaseDelay must be between 00:00:00.010 and 00:01:00.")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00", ErrorMessage = "Teams:Resilience:MaxDelay must be between 00:00:00.010 and 00:05:00.")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A Retry-After longer than this is not waited out inline: the call returns Throttled and the caller reschedules.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Teams:Resilience:MaxRetryAfter must be between 00:00:00 and 00:10:00.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Polly's timeout accepts 10 ms to 24 h; past two minutes Teams has long given up on the request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:02:00", ErrorMessage = "Teams:Resilience:AttemptTimeout must be between 00:00:00.010 and 00:02:00.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
