using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Handovers;

/// <summary>The history the person agreed to hand over: only check-ins they shared, since <see cref="Since"/>, and their active goals.</summary>
public sealed record HandoverMessage(string PersonName, DateOnly Since, IReadOnlyList<CheckinRecord> SharedCheckins, IReadOnlyList<LearningGoal> ActiveGoals) : OutboundMessage;
