using System.Globalization;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Time;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Cadences;

/// <summary>HR's view of the cadences: what runs when, for whom, and pause or resume.</summary>
public static class CadenceCards
{
    public const string PauseVerb = "cadence.pause";
    public const string ResumeVerb = "cadence.resume";
    public const string RunVerb = "cadence.run";

    public static AdaptiveCard List(IReadOnlyList<CadenceSummary> cadences)
    {
        var body = new List<CardElement> { TextBlock.Heading("Check-in cadences") };
        if (cadences.Count == 0)
            body.Add(new TextBlock("No cadences yet. Create one through the admin API (POST /api/admin/cadences, see README)."));
        var actions = new List<CardAction>();
        foreach (var (cadence, next) in cadences)
        {
            body.Add(new TextBlock(cadence.Name) { Weight = "Bolder", Spacing = "Medium", Separator = true });
            body.Add(new FactSet(
            [
                new Fact("Status", cadence.Active ? "active" : "paused"),
                new Fact("When", Describe(cadence.Schedule)),
                new Fact("Who", Describe(cadence.Audience)),
                new Fact("Next", next is null ? "—" : Local(next.DueAtUtc, cadence.Schedule.TimeZone) + " (each person at their own local time)"),
            ]) { Spacing = "None" });
            actions.Add(cadence.Active
                ? SubmitAction.ForVerb($"Pause {cadence.Name}", PauseVerb, ("cadenceId", cadence.Id))
                : SubmitAction.ForVerb($"Resume {cadence.Name}", ResumeVerb, ("cadenceId", cadence.Id)));
            if (cadence.Active)
                actions.Add(SubmitAction.ForVerb($"Run {cadence.Name} now", RunVerb, ("cadenceId", cadence.Id)));
        }
        return new AdaptiveCard(body, [.. actions.Take(6)]);
    }

    public static AdaptiveCard RunStarted(string cadenceName, string runId) => new(
    [
        new TextBlock($"Started: {cadenceName} is going out to its audience now.") { Weight = "Bolder" },
        TextBlock.Subtle($"Run {runId}. Progress: GET /api/admin/runs/{runId}. People who have not installed CheckinBot are reported with the reason."),
    ]);

    public static AdaptiveCard HrOnly() => new(
    [
        new TextBlock("Cadences are managed by HR, so this one isn't for you. Type **help** to see what you can do."),
    ]);

    private static string Describe(CadenceSchedule s) => s.Frequency switch
    {
        CadenceFrequency.Weekly => $"{(s.Interval == 1 ? "every week" : $"every {s.Interval} weeks")} on {s.DayOfWeek} at {s.LocalTime}",
        CadenceFrequency.Monthly or CadenceFrequency.Quarterly => $"{(s.Frequency == CadenceFrequency.Quarterly ? "every quarter" : s.Interval == 1 ? "every month" : $"every {s.Interval} months")} on "
            + (s.DayOfMonth is { } day ? $"day {day}" : $"the {(s.WeekOfMonth == -1 ? "last" : Ordinal(s.WeekOfMonth ?? 1))} {s.DayOfWeek}") + $" at {s.LocalTime}",
        _ => $"cron {s.Cron}",
    } + (s.SkipDates.Count > 0 ? $", skipping {s.SkipDates.Count} date{(s.SkipDates.Count == 1 ? "" : "s")}" : "");

    private static string Describe(CadenceAudience a) => a.Everyone ? "everyone"
        : string.Join(", ", new[]
        {
            a.Departments.Count > 0 ? $"{string.Join(", ", a.Departments)}" : null,
            a.GroupIds.Count > 0 ? $"{a.GroupIds.Count} group{(a.GroupIds.Count == 1 ? "" : "s")}" : null,
            a.UserIds.Count > 0 ? $"{a.UserIds.Count} people" : null,
        }.OfType<string>())
        + (a.ExcludeUserIds.Count > 0 ? $" (minus {a.ExcludeUserIds.Count})" : "");

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", _ => "fourth" };

    private static string Local(DateTimeOffset at, string zoneId)
    {
        var zone = IanaTimeZone.FindOrUtc(zoneId);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture) + $" {zoneId}";
    }
}
