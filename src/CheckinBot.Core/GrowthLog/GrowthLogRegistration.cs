using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.GrowthLog;

/// <summary>Registers a person's log: reading, export and erasure.</summary>
public static class GrowthLogRegistration
{
    public static IServiceCollection AddGrowthLog(this IServiceCollection services)
    {
        services.AddSingleton<GrowthLogService>();
        services.AddSingleton<ExportTokens>();
        return services;
    }
}
