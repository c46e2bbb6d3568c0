using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckinBot.Core.Messaging;

/// <summary>Registers the outbox signal and the app installer (none unless an adapter adds one).</summary>
public static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.TryAddSingleton<IAppInstaller, NoAppInstaller>();
        return services;
    }
}
