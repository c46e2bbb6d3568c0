using Polly;

namespace CheckinBot.Teams.Connector;

/// <summary>Names the <see cref="BudgetStrategy"/> in the pipeline's telemetry.</summary>
internal sealed class BudgetStrategyOptions : ResilienceStrategyOptions
{
    public BudgetStrategyOptions() => Name = "budget";
}
