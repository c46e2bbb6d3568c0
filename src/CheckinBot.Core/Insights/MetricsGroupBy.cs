namespace CheckinBot.Core.Insights;

public enum MetricsGroupBy
{
    None,
    Department,

    /// <summary>The reporting trees of a manager's direct reports (the top of the organisation unless one is named).</summary>
    Manager,
    Cadence,
}
