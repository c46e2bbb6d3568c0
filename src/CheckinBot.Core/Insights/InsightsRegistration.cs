using CheckinBot.Core.Insights.Events;
using CheckinBot.Core.Insights.Events.CheckinCompleted;
using CheckinBot.Core.Insights.Events.CheckinSnoozed;
using CheckinBot.Core.Insights.Events.CheckinStarted;
using CheckinBot.Core.Insights.Events.ChunkFinished;
using CheckinBot.Core.Insights.Events.FeedbackAnswered;
using CheckinBot.Core.Insights.Events.FeedbackAsked;
using CheckinBot.Core.Insights.Events.GoalChanged;
using CheckinBot.Core.Insights.Events.ManagerReplied;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Insights;

/// <summary>Registers metrics, stats and the Growth tab views.</summary>
public static class InsightsRegistration
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddSingleton<MetricsAggregator>();
        services.AddSingleton<MetricsCensusService>();
        services.AddSingleton<IMetricsEventFold, CheckinCompletedFold>();
        services.AddSingleton<IMetricsEventFold, CheckinStartedFold>();
        services.AddSingleton<IMetricsEventFold, CheckinSnoozedFold>();
        services.AddSingleton<IMetricsEventFold, GoalChangedFold>();
        services.AddSingleton<IMetricsEventFold, ChunkFinishedFold>();
        services.AddSingleton<IMetricsEventFold, FeedbackAskedFold>();
        services.AddSingleton<IMetricsEventFold, FeedbackAnsweredFold>();
        services.AddSingleton<IMetricsEventFold, ManagerRepliedFold>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton<StatsService>();
        services.AddSingleton<Tab.MyGrowthService>();
        services.AddSingleton<Tab.TeamOverviewService>();
        return services;
    }
}
