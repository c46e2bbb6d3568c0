using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Managers;

/// <summary>Registers manager summaries and the team view.</summary>
public static class ManagersRegistration
{
    public static IServiceCollection AddManagers(this IServiceCollection services)
    {
        services.AddSingleton<ManagerSummaryService>();
        services.AddSingleton<ManagerSummaryBuilder>();
        services.AddSingleton<ManagerSummaryDeliveryService>();
        services.AddSingleton<TeamService>();
        return services;
    }
}
