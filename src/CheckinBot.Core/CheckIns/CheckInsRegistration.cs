using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.CheckIns;

/// <summary>Registers check-ins: the dialogue against the store.</summary>
public static class CheckInsRegistration
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddSingleton<CheckinService>();
        return services;
    }
}
