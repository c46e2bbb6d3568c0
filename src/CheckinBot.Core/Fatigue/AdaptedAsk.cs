namespace CheckinBot.Core.Fatigue;

/// <summary>What a send asks a person: which question set, or nothing this time (stepped down), and why, in one sentence.</summary>
public sealed record AdaptedAsk(string QuestionSetId, bool SteppedOver = false, string? Note = null);
