namespace CheckinBot.Core.Cadences;

/// <summary>A journey step and the working day it falls on for one person.</summary>
public sealed record JourneyStepDate(JourneyStep Step, DateOnly Date);
