namespace CheckinBot.Core.Fatigue;

/// <summary>Which form of a cadence's check-in a person is asked.</summary>
public enum CheckinForm
{
    Full,
    Light,
}
