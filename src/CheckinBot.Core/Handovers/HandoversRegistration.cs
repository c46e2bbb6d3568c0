using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Handovers;

/// <summary>Registers manager changes.</summary>
public static class HandoversRegistration
{
    public static IServiceCollection AddHandovers(this IServiceCollection services)
    {
        services.AddSingleton<HandoverService>();
        services.AddSingleton<HandoverDeliveryService>();
        return services;
    }
}
