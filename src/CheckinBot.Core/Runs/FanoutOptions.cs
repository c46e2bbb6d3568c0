namespace CheckinBot.Core.Runs;

/// <summary>How senders pace themselves (<c>Fanout:*</c>).</summary>
public sealed class FanoutOptions
{
    public const string SectionName = "Fanout";

    /// <summary>
    /// How long a sender owns the recipients it claimed. Only a crash makes it matter: that sender's unrecorded
    /// recipients are sent again once it has passed.
    /// </summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Recipients of one chunk in flight at once.</summary>
    public int SendsPerChunk { get; set; } = 4;

    /// <summary>Chunks one instance works on at once; 0 = this instance takes no fan-out work (an API-only instance).</summary>
    public int ChunksInFlight { get; set; } = 8;
}
