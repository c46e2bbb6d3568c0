using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Cadences;

/// <summary>Registers HR's cadences, journeys, previews and who is HR.</summary>
public static class CadencesRegistration
{
    public static IServiceCollection AddCadences(this IServiceCollection services)
    {
        services.AddSingleton<HrAdmins>();
        services.AddSingleton<CadenceService>();
        services.AddSingleton<JourneyService>();
        services.AddSingleton<Preview.CadencePreviewService>();
        services.AddOptions<HrOptions>().BindConfiguration(HrOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
