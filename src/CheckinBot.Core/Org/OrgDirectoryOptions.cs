using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Core.Org;

public enum OrgDirectorySource
{
    /// <summary>Microsoft Graph, cached in Table Storage and kept current by delta sync.</summary>
    Graph,

    /// <summary>A CSV file (<see cref="OrgDirectoryOptions.FilePath"/>), read at start-up.</summary>
    File,
}

/// <summary>Section <c>OrgDirectory</c>: where people and their managers come from.</summary>
public sealed class OrgDirectoryOptions
{
    public const string SectionName = "OrgDirectory";

    /// <summary>Null = <c>File</c> in local mode, <c>Graph</c> otherwise.</summary>
    public OrgDirectorySource? Source { get; set; }

    public string FilePath { get; set; } = "samples/org.csv";

    /// <summary>How often the Graph cache pulls changes (a manager change takes effect at the next sync).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "OrgDirectory:SyncInterval must be between 00:01:00 and 30.00:00:00.")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromDays(1);
}
