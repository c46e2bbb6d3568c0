namespace CheckinBot.Core.Insights;

/// <summary>One completed check-in's contribution: its tally, on its (UTC) day, to each of its person's groups.</summary>
/// <param name="FoldId">Stable per check-in and not reversible to it, so a retried fold is recognised and adds nothing.</param>
public sealed record MetricFold(string FoldId, DateOnly Day, IReadOnlyList<string> Groups, MetricTally Tally);
