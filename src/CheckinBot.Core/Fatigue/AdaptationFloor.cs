namespace CheckinBot.Core.Fatigue;

/// <summary>How far a weekly cadence may step down for a tired person: weekly → every two weeks → monthly (every fourth week).</summary>
public enum AdaptationFloor
{
    Fortnightly = 1,
    Monthly = 2,
}
