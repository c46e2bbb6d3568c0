using System.Globalization;
using CheckinBot.Core.Cadences;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Cadences;

/// <summary>
/// The create/edit card's inputs as HR typed them. The card is always shown again from these raw values, so a
/// rejected save loses nothing; <see cref="ToCadence"/> reads them into a cadence and names what it could not read.
/// </summary>
public sealed record CadenceForm(IReadOnlyDictionary<string, string?> Values)
{
    public const string Name = "cadence.name";
    public const string Frequency = "cadence.frequency";
    public const string Interval = "cadence.interval";
    public const string DayOfWeek = "cadence.dayOfWeek";
    public const string DayOfMonth = "cadence.dayOfMonth";
    public const string WeekOfMonth = "cadence.weekOfMonth";
    public const string Cron = "cadence.cron";
    public const string LocalTime = "cadence.localTime";
    public const string TimeZone = "cadence.timeZone";
    public const string Everyone = "cadence.everyone";
    public const string Departments = "cadence.departments";
    public const string Groups = "cadence.groups";
    public const string SkipDates = "cadence.skipDates";
    public const string StartDate = "cadence.startDate";
    public const string EndDate = "cadence.endDate";
    public const string RemindAfterHours = "cadence.remindAfterHours";
    public const string RemindMax = "cadence.remindMax";
    public const string Adapt = "cadence.adapt";
    public const string LightSet = "cadence.lightSet";
    public const string MayStepDown = "cadence.mayStepDown";
    public const string Floor = "cadence.floor";

    private static readonly string[] Fields =
        [Name, Frequency, Interval, DayOfWeek, DayOfMonth, WeekOfMonth, Cron, LocalTime, TimeZone, Everyone, Departments, Groups, SkipDates, StartDate, EndDate, RemindAfterHours, RemindMax, Adapt, LightSet, MayStepDown, Floor];

    public string? this[string field] => Values.GetValueOrDefault(field) is { Length: > 0 } value ? value : null;

    /// <summary>A new cadence's starting point: weekly on Monday at 09:30 for everyone, in HR's own zone.</summary>
    public static CadenceForm New(string timeZone) => From(new Cadence { Id = "", Name = "", Audience = new CadenceAudience { Everyone = true },
        Schedule = new CadenceSchedule { DayOfWeek = System.DayOfWeek.Monday, TimeZone = timeZone } });

    public static CadenceForm From(Cadence c) => new(new Dictionary<string, string?>
    {
        [Name] = c.Name,
        [Frequency] = c.Schedule.Frequency.ToString().ToLowerInvariant(),
        [Interval] = c.Schedule.Interval.ToString(CultureInfo.InvariantCulture),
        [DayOfWeek] = c.Schedule.DayOfWeek?.ToString(),
        [DayOfMonth] = c.Schedule.DayOfMonth?.ToString(CultureInfo.InvariantCulture),
        [WeekOfMonth] = c.Schedule.WeekOfMonth?.ToString(CultureInfo.InvariantCulture),
        [Cron] = c.Schedule.Cron,
        [LocalTime] = c.Schedule.LocalTime,
        [TimeZone] = c.Schedule.TimeZone,
        [Everyone] = c.Audience.Everyone ? "true" : "false",
        [Departments] = string.Join(", ", c.Audience.Departments),
        [Groups] = string.Join(", ", c.Audience.GroupIds),
        [SkipDates] = string.Join(", ", c.Schedule.SkipDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        [StartDate] = c.Schedule.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [EndDate] = c.Schedule.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [RemindAfterHours] = c.Reminder.AfterHours.ToString(CultureInfo.InvariantCulture),
        [RemindMax] = c.Reminder.Max.ToString(CultureInfo.InvariantCulture),
        [Adapt] = c.Adaptation.Enabled ? "true" : "false",
        [LightSet] = c.Adaptation.LightQuestionSetId,
        [MayStepDown] = c.Adaptation.MayChangeFrequency ? "true" : "false",
        [Floor] = c.Adaptation.Floor.ToString().ToLowerInvariant(),
    });

    public static CadenceForm From(CardRequest request) =>
        new(Fields.ToDictionary(f => f, f => request.Get(f)?.Trim() is { Length: > 0 and <= 2000 } value ? value : null));

    private IReadOnlyList<string> List(string field) => [.. (this[field] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>
    /// The cadence the form describes, kept beside what it does not change (<paramref name="basis"/>: an edited cadence's
    /// people lists, group ids and question set). Fields that are not numbers, dates or choices are named in the errors.
    /// </summary>
    public (Cadence Cadence, Dictionary<string, string> Errors) ToCadence(Cadence? basis)
    {
        var errors = new Dictionary<string, string>();
        int? Number(string field, string label)
        {
            if (this[field] is not { } text)
                return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                return n;
            errors[field] = $"{label}: \"{text}\" is not a whole number.";
            return null;
        }
        DateOnly? Date(string text, string field, string label)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            errors[field] = $"{label}: \"{text}\" is not a date (yyyy-mm-dd).";
            return null;
        }
        var frequency = Enum.TryParse<CadenceFrequency>(this[Frequency], ignoreCase: true, out var f) ? f : CadenceFrequency.Weekly;
        var day = Enum.TryParse<System.DayOfWeek>(this[DayOfWeek], ignoreCase: true, out var d) ? d : (System.DayOfWeek?)null;
        var basisCadence = basis ?? new Cadence { Id = "", Name = "" };
        var cadence = basisCadence with
        {
            Name = this[Name] ?? "",
            Audience = basisCadence.Audience with
            {
                Everyone = this[Everyone] == "true",
                Departments = List(Departments),
                GroupIds = List(Groups),
            },
            Schedule = new CadenceSchedule
            {
                Frequency = frequency,
                Interval = Number(Interval, "Every") ?? 1,
                DayOfWeek = day,
                DayOfMonth = Number(DayOfMonth, "Day of the month"),
                WeekOfMonth = Number(WeekOfMonth, "Week of the month"),
                Cron = frequency == CadenceFrequency.Cron ? this[Cron] : null,
                LocalTime = this[LocalTime] ?? "",
                TimeZone = this[TimeZone] ?? "",
                StartDate = this[StartDate] is { } start ? Date(start, StartDate, "Start") : null,
                EndDate = this[EndDate] is { } end ? Date(end, EndDate, "End") : null,
                // A journey's steps are edited over the admin API; the card keeps them as they are.
                Steps = basisCadence.Schedule.Steps,
                SkipDates = [.. (this[SkipDates] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(text => Date(text, SkipDates, "Skip dates")).OfType<DateOnly>()],
            },
            Reminder = new ReminderPolicy { AfterHours = Number(RemindAfterHours, "Remind after") ?? 24, Max = Number(RemindMax, "Reminders") ?? 0 },
            Adaptation = new Core.Fatigue.CadenceAdaptation
            {
                Enabled = this[Adapt] == "true",
                LightQuestionSetId = this[LightSet] ?? Core.Fatigue.CadenceAdaptation.DefaultLightQuestionSetId,
                MayChangeFrequency = this[MayStepDown] == "true",
                Floor = Enum.TryParse<Core.Fatigue.AdaptationFloor>(this[Floor], ignoreCase: true, out var floor) ? floor : Core.Fatigue.AdaptationFloor.Monthly,
            },
        };
        return (cadence, errors);
    }
}
