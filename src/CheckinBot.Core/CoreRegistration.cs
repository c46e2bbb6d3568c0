using CheckinBot.Core.Away;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Fatigue;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Handovers;
using CheckinBot.Core.Insights;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Core.Registrations;
using CheckinBot.Core.ReviewPacks;
using CheckinBot.Core.Runs;
using CheckinBot.Core.Time;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core;

/// <summary>Every Core feature's use cases and options; the adapters (storage, Teams, Graph) register the ports.</summary>
public static class CoreRegistration
{
    public static IServiceCollection AddCheckinCore(this IServiceCollection services)
    {
        services.AddSingleton<PassingFaults>();
        return services
            .AddWorkday()
            .AddAway()
            .AddCheckIns()
            .AddGoals()
            .AddGrowthLog()
            .AddReviewPacks()
            .AddRegistrations()
            .AddMessaging()
            .AddOrg()
            .AddManagers()
            .AddFeedback()
            .AddHandovers()
            .AddCadences()
            .AddFatigue()
            .AddQuestionSets()
            .AddRuns()
            .AddInsights();
    }
}
