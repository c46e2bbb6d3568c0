namespace CheckinBot.Core.Insights.Tab;

/// <summary>Where a direct report stands, from the check-ins they shared (a private one looks like none).</summary>
public enum MemberStatus
{
    /// <summary>Shared one within <see cref="TeamOverviewService.DoneWithin"/>.</summary>
    Done,

    /// <summary>Last shared one within <see cref="TeamOverviewService.OverdueAfter"/>.</summary>
    Pending,

    /// <summary>None shared for longer, or never.</summary>
    Overdue,
}
