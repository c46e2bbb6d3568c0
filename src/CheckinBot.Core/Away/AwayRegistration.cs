using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckinBot.Core.Away;

/// <summary>Registers away-aware delivery; without a Graph adapter nobody is away but by what they say.</summary>
public static class AwayRegistration
{
    public static IServiceCollection AddAway(this IServiceCollection services)
    {
        services.TryAddSingleton<IAutomaticReplies, NoAutomaticReplies>();
        services.AddSingleton<AwayService>();
        services.AddSingleton<SendTimeRule>();
        return services;
    }
}
