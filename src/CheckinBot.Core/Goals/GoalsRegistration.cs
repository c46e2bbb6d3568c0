using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Goals;

/// <summary>Registers learning goals.</summary>
public static class GoalsRegistration
{
    public static IServiceCollection AddGoals(this IServiceCollection services)
    {
        services.AddSingleton<GoalService>();
        return services;
    }
}
