using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Time;

/// <summary>Registers the working hours (<see cref="WorkdayOptions"/>).</summary>
public static class TimeRegistration
{
    public static IServiceCollection AddWorkday(this IServiceCollection services)
    {
        services.AddOptions<WorkdayOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The old keys first, so the section's own keys win where both are set.
                options.StartHour = OldHour(configuration, WorkdayOptions.OldStartHourKey) ?? options.StartHour;
                options.EndHour = OldHour(configuration, WorkdayOptions.OldEndHourKey) ?? options.EndHour;
                configuration.GetSection(WorkdayOptions.SectionName).Bind(options);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    private static int? OldHour(IConfiguration configuration, string key) => configuration[key] switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hour) => hour,
        _ => throw new InvalidOperationException(
            $"{key} must be a whole hour (and is better set as {WorkdayOptions.RenamedKeys.First(k => k.Old == key).New})."),
    };
}
