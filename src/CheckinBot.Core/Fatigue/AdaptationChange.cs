namespace CheckinBot.Core.Fatigue;

/// <summary>One change of a person's adaptation: when, the form and step-down it moved to, and why (the signal's figures, or their own choice).</summary>
public sealed record AdaptationChange(DateTimeOffset At, CheckinForm Form, int StepDown, string Why);
