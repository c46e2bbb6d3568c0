using CheckinBot.Core.Goals;

namespace CheckinBot.Core.CheckIns;

/// <summary>What starting a scheduled check-in looks at, read together (a fan-out does this for every person).</summary>
public sealed record CheckinStartState(
    CheckinDraft? Draft,
    CheckinPreferences? Preferences,
    IReadOnlyList<CheckinRecord> Checkins,
    IReadOnlyList<LearningGoal> Goals);
