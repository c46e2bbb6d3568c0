using System.Text.RegularExpressions;
using CheckinBot.Core.Time;

namespace CheckinBot.Core.Cadences;

/// <summary>Checks a cadence definition; each problem names the field (JSON path, camelCase) and says what is wrong.</summary>
public static partial class CadenceValidation
{
    public static IReadOnlyDictionary<string, string> Validate(Cadence cadence, ISet<string> knownQuestionSets, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var s = cadence.Schedule;
        if (!IdPattern().IsMatch(cadence.Id ?? ""))
            errors["id"] = "Use 1–64 lowercase letters, digits and dashes, e.g. \"weekly-growth\".";
        if (string.IsNullOrWhiteSpace(cadence.Name) || cadence.Name.Length > 100)
            errors["name"] = "Give the cadence a name of at most 100 characters.";
        if (cadence.Audience is null || cadence.Audience.IsEmpty)
            errors["audience"] = "The audience is empty: set everyone, or list departments, groupIds or userIds.";
        if (s is null)
        {
            errors["schedule"] = "A schedule is required.";
            return errors;
        }
        if (s.Frequency != CadenceFrequency.Journey && !knownQuestionSets.Contains(cadence.QuestionSetId ?? ""))
            errors["questionSetId"] = $"There is no question set '{cadence.QuestionSetId}'.";
        if (cadence.Adaptation is { Enabled: true } adaptation && !knownQuestionSets.Contains(adaptation.LightQuestionSetId ?? ""))
            errors["adaptation.lightQuestionSetId"] = $"There is no question set '{adaptation.LightQuestionSetId}' for the light form.";
        if (cadence.Adaptation is { } guard && !Enum.IsDefined(guard.Floor))
            errors["adaptation.floor"] = "The floor is fortnightly or monthly.";
        if (IanaTimeZone.Normalize(s.TimeZone) is null)
            errors["schedule.timeZone"] = $"'{s.TimeZone}' is not a known time zone; use an IANA id such as Europe/Berlin.";
        if (CadenceCalendar.ParseLocalTime(s.LocalTime) is null)
            errors["schedule.localTime"] = "Use a 24-hour time such as \"09:30\".";
        if (s.Interval is < 1 or > 52)
            errors["schedule.interval"] = "The interval is a whole number from 1 to 52.";
        if (s.StartDate is { } start && s.EndDate is { } end && end < start)
            errors["schedule.endDate"] = "The end date is before the start date.";
        switch (s.Frequency)
        {
            case CadenceFrequency.Weekly when s.DayOfWeek is null:
                errors["schedule.dayOfWeek"] = "A weekly cadence needs a dayOfWeek.";
                break;
            case CadenceFrequency.Monthly or CadenceFrequency.Quarterly when s.DayOfMonth is null && s.DayOfWeek is null:
                errors["schedule.dayOfMonth"] = "A monthly cadence needs a dayOfMonth, or a dayOfWeek with weekOfMonth.";
                break;
            case CadenceFrequency.Monthly or CadenceFrequency.Quarterly when s.DayOfMonth is < 1 or > 31:
                errors["schedule.dayOfMonth"] = "The day of the month is from 1 to 31.";
                break;
            case CadenceFrequency.Monthly or CadenceFrequency.Quarterly when s.DayOfMonth is null && s.WeekOfMonth is not (null or -1 or (>= 1 and <= 4)):
                errors["schedule.weekOfMonth"] = "The week of the month is 1 to 4, or -1 for the last.";
                break;
            case CadenceFrequency.Cron when CadenceCalendar.ParseCron(s.Cron) is null:
                errors["schedule.cron"] = "That is not a cron expression (five fields: minute hour day month weekday).";
                break;
            case CadenceFrequency.Journey:
                ValidateSteps(s.Steps ?? [], knownQuestionSets, errors);
                break;
        }
        if (s.Frequency != CadenceFrequency.Journey && !errors.Keys.Any(k => k.StartsWith("schedule", StringComparison.Ordinal)) && CadenceCalendar.Next(s, null, now) is null)
            errors[s.Frequency == CadenceFrequency.Cron ? "schedule.cron" : "schedule"] = "This schedule never fires (check the dates, the cron expression and the skip dates).";
        if (cadence.Reminder is { } reminder && (reminder.AfterHours is < 1 or > 336 || reminder.Max is < 0 or > 5))
            errors["reminder"] = "Remind after 1 to 336 hours, at most 0 to 5 times.";
        return errors;
    }

    /// <summary>A journey's steps: 1 to <see cref="MaxSteps"/>, days rising within two years, each asking a set that exists.</summary>
    private static void ValidateSteps(IReadOnlyList<JourneyStep> steps, ISet<string> knownQuestionSets, Dictionary<string, string> errors)
    {
        if (steps.Count is 0 or > MaxSteps)
        {
            errors["schedule.steps"] = $"A journey has 1 to {MaxSteps} steps, e.g. [{{\"day\": 30, \"questionSetId\": \"onboarding-30\"}}].";
            return;
        }
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Day is < 0 or > MaxDay)
                errors[$"schedule.steps[{i}].day"] = $"The day is from 0 (the hire date) to {MaxDay}.";
            else if (i > 0 && steps[i].Day <= steps[i - 1].Day)
                errors[$"schedule.steps[{i}].day"] = $"Steps go in order of their day: day {steps[i].Day} comes after day {steps[i - 1].Day}.";
            if (!knownQuestionSets.Contains(steps[i].QuestionSetId ?? ""))
                errors[$"schedule.steps[{i}].questionSetId"] = $"There is no question set '{steps[i].QuestionSetId}'.";
        }
    }

    public const int MaxSteps = 12;
    public const int MaxDay = 730;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
