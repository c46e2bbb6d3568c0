namespace CheckinBot.Core.Cadences;

/// <summary>Remind people who have not finished: after this many hours, at most this many times, in their working hours.</summary>
public sealed record ReminderPolicy
{
    public int AfterHours { get; init; } = 24;
    public int Max { get; init; } = 2;
}
