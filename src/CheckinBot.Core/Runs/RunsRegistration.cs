using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Runs;

/// <summary>Registers planning and sending runs.</summary>
public static class RunsRegistration
{
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddSingleton<RunService>();
        services.AddSingleton<RecipientOutcomes>();
        services.AddSingleton<ChunkSender>();
        services.AddSingleton<FanoutWork>();
        services.AddSingleton<CadencePlanner>();
        services.AddOptions<FanoutOptions>().BindConfiguration(FanoutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
