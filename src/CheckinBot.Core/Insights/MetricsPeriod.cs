namespace CheckinBot.Core.Insights;

public enum MetricsPeriod
{
    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,
    Month,
    Quarter,
}
