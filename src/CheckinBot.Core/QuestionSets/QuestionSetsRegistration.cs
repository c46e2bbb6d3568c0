using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.QuestionSets;

/// <summary>Registers HR's question sets.</summary>
public static class QuestionSetsRegistration
{
    public static IServiceCollection AddQuestionSets(this IServiceCollection services)
    {
        services.AddSingleton<QuestionSetService>();
        return services;
    }
}
