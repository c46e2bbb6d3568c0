using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Registrations;

/// <summary>Registers chat registrations (who can be reached where).</summary>
public static class RegistrationsRegistration
{
    public static IServiceCollection AddRegistrations(this IServiceCollection services)
    {
        services.AddSingleton<ChatRegistrationService>();
        services.AddSingleton<RegistrationSnapshot>();
        return services;
    }
}
