using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Fatigue;

/// <summary>Registers cadences that adapt to fatigue.</summary>
public static class FatigueRegistration
{
    public static IServiceCollection AddFatigue(this IServiceCollection services)
    {
        services.AddSingleton<FatigueService>();
        return services;
    }
}
