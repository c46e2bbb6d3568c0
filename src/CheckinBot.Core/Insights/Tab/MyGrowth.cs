using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Core.Insights.Tab;

/// <summary>
/// The Growth tab's "Me" view: a person's own log, never an aggregate. Only ever served to that person, so their own
/// words (goal titles, wins, feedback received) are in it.
/// </summary>
public sealed record MyGrowth(
    int Checkins,
    IReadOnlyList<GoalTrack> Goals,
    IReadOnlyList<EnergyPoint> Energy,
    IReadOnlyList<MonthCount> WinsByMonth,
    IReadOnlyList<BragItem> RecentWins,
    IReadOnlyList<ReceivedFeedback> FeedbackReceived,
    IReadOnlyList<Cadences.JourneyProgress> Journeys);
