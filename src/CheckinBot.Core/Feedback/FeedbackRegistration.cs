using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.Feedback;

/// <summary>Registers feedback requests, delivery and nudges.</summary>
public static class FeedbackRegistration
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<FeedbackDeliveryService>();
        services.AddSingleton<FeedbackNudgeService>();
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
