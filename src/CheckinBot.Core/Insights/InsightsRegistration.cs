using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Insights;

/// <summary>Registers metrics, stats and the Growth tab views.</summary>
public static class InsightsRegistration
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddSingleton<MetricsAggregator>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton<StatsService>();
        services.AddSingleton<Tab.MyGrowthService>();
        services.AddSingleton<Tab.TeamOverviewService>();
        return services;
    }
}
