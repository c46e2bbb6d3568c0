using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckinBot.Core.Org;

/// <summary>Registers the org rules of a turn: zones, group members (from the directory unless an adapter adds a source), the turn bound.</summary>
public static class OrgRegistration
{
    public static IServiceCollection AddOrg(this IServiceCollection services)
    {
        services.AddSingleton<PersonZones>();
        services.AddSingleton<TurnBound>();
        services.AddSingleton<TurnGroupMembers>();
        services.TryAddSingleton<IGroupMembers, GroupsFromDirectory>();
        services.AddOptions<TurnLookupOptions>().BindConfiguration(TurnLookupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
