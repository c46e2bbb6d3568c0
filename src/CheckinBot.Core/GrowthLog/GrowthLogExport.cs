using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Registrations;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.GrowthLog;

/// <summary>Everything stored about one person, for <c>export my data</c>.</summary>
public sealed record GrowthLogExport(
    string UserId,
    DateTimeOffset ExportedAt,
    ChatRegistration? Registration,
    IReadOnlyList<CheckinRecord> CheckIns,
    IReadOnlyList<LearningGoal> Goals,
    CheckinDraft? Draft)
{
    public IReadOnlyList<FeedbackNote> FeedbackReceived { get; init; } = [];
    public IReadOnlyList<FeedbackAsk> FeedbackAsked { get; init; } = [];
}
