namespace CheckinBot.Web.Local;

/// <summary>Section <c>Local</c>: what the local run (scripts/run-local.sh) adds for people trying the bot.</summary>
public sealed class LocalOptions
{
    public const string SectionName = "Local";

    /// <summary>Six months of sample history for the org directory's people at first start (skipped once anyone has a check-in).</summary>
    public bool SeedHistory { get; set; }
}
