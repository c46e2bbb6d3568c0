using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Core.Runs;

/// <summary>How senders pace themselves (<c>Fanout:*</c>), checked at start-up.</summary>
public sealed class FanoutOptions
{
    public const string SectionName = "Fanout";

    /// <summary>
    /// How long a sender owns the recipients it claimed; it renews the claim every third of this while it works. Only a
    /// crash makes it matter: that sender's unrecorded recipients are free again this long after its last renewal.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00", ErrorMessage = "Fanout:ClaimFor must be between 00:00:03 and 00:10:00.")]
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Recipients of one chunk in flight at once.</summary>
    [Range(1, 64, ErrorMessage = "Fanout:SendsPerChunk must be between 1 and 64.")]
    public int SendsPerChunk { get; set; } = 4;

    /// <summary>Chunks one instance works on at once; 0 = this instance takes no fan-out work (an API-only instance).</summary>
    [Range(0, 64, ErrorMessage = "Fanout:ChunksInFlight must be between 0 and 64.")]
    public int ChunksInFlight { get; set; } = 8;

    /// <summary>After a run of a cadence finished, how long a new "run now" needs a second confirmation (it would ask again).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Fanout:RerunGuard must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan RerunGuard { get; set; } = TimeSpan.FromHours(12);
}
