namespace CheckinBot.Core.Fatigue;

/// <summary>
/// HR's guardrails for adapting a cadence to fatigue (<c>adaptation</c> in the cadence's JSON): off unless HR turns it
/// on; the shorter set a tired person is asked; whether the frequency may also step down, and how far.
/// </summary>
public sealed record CadenceAdaptation
{
    public const string DefaultLightQuestionSetId = "two-question-pulse";

    public bool Enabled { get; init; }

    /// <summary>The light form: a shorter question set (default: the two-question pulse).</summary>
    public string LightQuestionSetId { get; init; } = DefaultLightQuestionSetId;

    /// <summary>Whether someone still tired on the light form may be asked less often (a weekly cadence only).</summary>
    public bool MayChangeFrequency { get; init; }

    /// <summary>The least often anyone is asked when the frequency steps down.</summary>
    public AdaptationFloor Floor { get; init; } = AdaptationFloor.Monthly;
}
