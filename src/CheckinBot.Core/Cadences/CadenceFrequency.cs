namespace CheckinBot.Core.Cadences;

public enum CadenceFrequency
{
    /// <summary>Every <see cref="CadenceSchedule.Interval"/> weeks on <see cref="CadenceSchedule.DayOfWeek"/>.</summary>
    Weekly,

    /// <summary>Every <see cref="CadenceSchedule.Interval"/> months: on a day of the month, or on the Nth weekday.</summary>
    Monthly,

    /// <summary>Monthly with an interval of three.</summary>
    Quarterly,

    /// <summary>A cron expression (<see cref="CadenceSchedule.Cron"/>), evaluated in each person's own time zone.</summary>
    Cron,

    /// <summary>
    /// Onboarding: <see cref="CadenceSchedule.Steps"/> at day offsets from each person's hire date, each with its own
    /// question set (<see cref="JourneyCalendar"/>).
    /// </summary>
    Journey,
}
