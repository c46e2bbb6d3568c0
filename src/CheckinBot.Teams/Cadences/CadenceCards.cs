using System.Globalization;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Runs;
using CheckinBot.Core.Time;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Cadences;

/// <summary>HR's view of the cadences: what runs when, for whom, how the last run went; create, edit, pause, resume, delete, run now.</summary>
public static class CadenceCards
{
    public const string PauseVerb = "cadence.pause";
    public const string ResumeVerb = "cadence.resume";
    public const string RunVerb = "cadence.run";
    public const string ConfirmRunVerb = "cadence.run.confirm";
    public const string RerunVerb = "cadence.run.again";
    public const string NewVerb = "cadence.new";
    public const string EditVerb = "cadence.edit";
    public const string SaveVerb = "cadence.save";
    public const string DeleteVerb = "cadence.delete";
    public const string ConfirmDeleteVerb = "cadence.delete.confirm";
    public const string FailuresVerb = "cadence.failures";
    public const string PreviewVerb = "cadence.preview";

    /// <param name="latestRuns">Each cadence's newest run and its progress, by cadence id.</param>
    /// <param name="lighter">Per cadence, how many people it asks a lighter form (or less often) now.</param>
    public static AdaptiveCard List(IReadOnlyList<CadenceSummary> cadences, IReadOnlyDictionary<string, (string RunId, RunProgress Progress)> latestRuns,
        IReadOnlyDictionary<string, int>? lighter = null)
    {
        var body = new List<CardElement> { TextBlock.Heading("Check-in cadences") };
        if (cadences.Count == 0)
            body.Add(new TextBlock("No cadences yet: create the first one with **New cadence**."));
        foreach (var (cadence, next) in cadences)
        {
            body.Add(new TextBlock(cadence.Name) { Weight = "Bolder", Spacing = "Medium", Separator = true });
            var facts = new List<Fact>
            {
                new("Status", cadence.Active ? "active" : "paused"),
                new("When", Describe(cadence.Schedule)),
                new("Who", Describe(cadence.Audience)),
                new("Next", next is null ? "—" : Local(next.DueAtUtc, cadence.Schedule.TimeZone) + " (each person at their own local time)"),
            };
            if (cadence.Adaptation is { Enabled: true } adaptation)
                facts.Add(new Fact("Adapts to fatigue", $"light form: {adaptation.LightQuestionSetId}"
                    + (adaptation.MayChangeFrequency ? $"; may ask less often, down to {adaptation.Floor.ToString().ToLowerInvariant()}" : "")
                    + $"; {lighter?.GetValueOrDefault(cadence.Id) ?? 0} on lighter check-ins now"));
            var actions = new List<CardAction> { SubmitAction.ForVerb("Edit", EditVerb, ("cadenceId", cadence.Id)), SubmitAction.ForVerb("Preview", PreviewVerb, ("cadenceId", cadence.Id)) };
            CardAction? failures = null;
            if (latestRuns.TryGetValue(cadence.Id, out var latest))
            {
                facts.Add(new Fact("Last run", Describe(latest.Progress, cadence.Schedule.TimeZone)));
                if (latest.Progress.Failed > 0)
                    failures = SubmitAction.ForVerb("Who failed", FailuresVerb, ("runId", latest.RunId));
            }
            body.Add(new FactSet(facts) { Spacing = "None" });
            // Beside the last run it explains (a row holds at most five buttons).
            if (failures is not null)
                body.Add(new ActionSet([failures]));
            actions.Add(cadence.Active
                ? SubmitAction.ForVerb($"Pause {cadence.Name}", PauseVerb, ("cadenceId", cadence.Id))
                : SubmitAction.ForVerb($"Resume {cadence.Name}", ResumeVerb, ("cadenceId", cadence.Id)));
            if (cadence.Active && !cadence.IsJourney)
                actions.Add(SubmitAction.ForVerb($"Run {cadence.Name} now", RunVerb, ("cadenceId", cadence.Id)));
            actions.Add(SubmitAction.ForVerb("Delete", DeleteVerb, ("cadenceId", cadence.Id)));
            body.Add(new ActionSet(actions));
        }
        return new AdaptiveCard(body, [SubmitAction.ForVerb("New cadence", NewVerb)]);
    }

    /// <summary>Create or edit; the errors of a rejected save are listed on top and everything typed is still there.</summary>
    public static AdaptiveCard Form(CadenceForm form, string? cadenceId, IEnumerable<string> errors)
    {
        var body = new List<CardElement> { TextBlock.Heading(cadenceId is null ? "New cadence" : $"Edit {form[CadenceForm.Name]}") };
        body.AddRange(errors.Select(e => new TextBlock(e) { Color = "Attention" }));
        body.AddRange(
        [
            new TextInput(CadenceForm.Name) { Label = "Name", IsRequired = true, ErrorMessage = "Give the cadence a name.", MaxLength = 100, Value = form[CadenceForm.Name], Placeholder = "Weekly growth check-in" },
            new ChoiceSetInput(CadenceForm.Frequency, [new("Weekly", "weekly"), new("Monthly", "monthly"), new("Quarterly", "quarterly"), new("Cron expression", "cron"),
                    // Offered when editing a journey (its steps come from the admin API, docs/question-sets.md).
                    .. form[CadenceForm.Frequency] == "journey" ? [new Choice("Journey from each person's hire date", "journey")] : Array.Empty<Choice>()])
                { Label = "How often", Value = form[CadenceForm.Frequency] ?? "weekly", Style = "compact" },
            new NumberInput(CadenceForm.Interval) { Label = "Every (weeks or months)", Min = 1, Max = 52, Value = Number(form[CadenceForm.Interval]) ?? 1 },
            new ChoiceSetInput(CadenceForm.DayOfWeek, [.. Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday).Select(d => new Choice(d.ToString(), d.ToString()))])
                { Label = "Day of the week (weekly, or with week of the month)", Value = form[CadenceForm.DayOfWeek], Style = "compact" },
            new NumberInput(CadenceForm.DayOfMonth) { Label = "Or day of the month (monthly)", Min = 1, Max = 31, Value = Number(form[CadenceForm.DayOfMonth]) },
            new ChoiceSetInput(CadenceForm.WeekOfMonth, [new("First", "1"), new("Second", "2"), new("Third", "3"), new("Fourth", "4"), new("Last", "-1")])
                { Label = "Week of the month (monthly on a weekday)", Value = form[CadenceForm.WeekOfMonth], Style = "compact" },
            new TextInput(CadenceForm.Cron) { Label = "Cron expression (minute hour day month weekday)", Value = form[CadenceForm.Cron], Placeholder = "30 9 * * 1" },
            new TextInput(CadenceForm.LocalTime) { Label = "Local send time (each person's own zone)", IsRequired = true, ErrorMessage = "A 24-hour time such as 09:30.", Value = form[CadenceForm.LocalTime], Placeholder = "09:30" },
            new TextInput(CadenceForm.TimeZone) { Label = "Time zone for people whose zone is unknown", IsRequired = true, ErrorMessage = "An IANA time zone such as Europe/Berlin.", Value = form[CadenceForm.TimeZone], Placeholder = "Europe/Berlin" },
            new ToggleInput(CadenceForm.Everyone, "Everyone in the organisation") { Value = form[CadenceForm.Everyone] ?? "false" },
            new TextInput(CadenceForm.Departments) { Label = "Or these departments (comma-separated)", Value = form[CadenceForm.Departments] },
            new TextInput(CadenceForm.Groups) { Label = "Or members of these Entra groups (object ids, comma-separated)", Value = form[CadenceForm.Groups] },
            new DateInput(CadenceForm.StartDate) { Label = "Start date (optional)", Value = form[CadenceForm.StartDate] },
            new DateInput(CadenceForm.EndDate) { Label = "End date (optional)", Value = form[CadenceForm.EndDate] },
            new TextInput(CadenceForm.SkipDates) { Label = "Skip dates, e.g. holidays (yyyy-mm-dd, comma-separated)", Value = form[CadenceForm.SkipDates] },
            new NumberInput(CadenceForm.RemindAfterHours) { Label = "Remind people who have not finished after (hours)", Min = 1, Max = 336, Value = Number(form[CadenceForm.RemindAfterHours]) ?? 24 },
            new NumberInput(CadenceForm.RemindMax) { Label = "At most this many reminders (weekdays 08:00–18:00 in their zone)", Min = 0, Max = 5, Value = Number(form[CadenceForm.RemindMax]) ?? 2 },
            new ToggleInput(CadenceForm.Adapt, "Adapt to fatigue: someone tired two check-ins in a row gets the light form, told why") { Value = form[CadenceForm.Adapt] ?? "false" },
            new TextInput(CadenceForm.LightSet) { Label = "Light form (question set id)", Value = form[CadenceForm.LightSet], Placeholder = Core.Fatigue.CadenceAdaptation.DefaultLightQuestionSetId },
            new ToggleInput(CadenceForm.MayStepDown, "Still tired on the light form: ask less often (weekly cadences)") { Value = form[CadenceForm.MayStepDown] ?? "false" },
            new ChoiceSetInput(CadenceForm.Floor, [new Choice("Never less than every two weeks", "fortnightly"), new Choice("Never less than monthly", "monthly")])
                { Label = "Floor", Value = form[CadenceForm.Floor] ?? "monthly" },
        ]);
        var save = cadenceId is null ? SubmitAction.ForVerb("Save cadence", SaveVerb) : SubmitAction.ForVerb("Save cadence", SaveVerb, ("cadenceId", cadenceId));
        return new AdaptiveCard(body, [save]);
    }

    public static AdaptiveCard Saved(Cadence cadence, CadenceOccurrence? next) => new(
    [
        new TextBlock($"Saved: {cadence.Name}.") { Weight = "Bolder" },
        new TextBlock(cadence.IsJourney && cadence.Active
            ? "Each person is asked on their steps' days from their hire date, at their own local time. Preview shows who, when."
            : next is null || !cadence.Active
            ? "It is paused: nothing goes out until you resume it."
            : $"Next: {Local(next.DueAtUtc, cadence.Schedule.TimeZone)}, each person at their own local time. Type **cadences** to see them all."),
    ], cadence.IsJourney ? [SubmitAction.ForVerb("Preview", PreviewVerb, ("cadenceId", cadence.Id))] : [SubmitAction.ForVerb($"Run {cadence.Name} now", RunVerb, ("cadenceId", cadence.Id))]);

    public static AdaptiveCard ConfirmDelete(Cadence cadence) => new(
    [
        new TextBlock($"Delete {cadence.Name}? Nothing more goes out for it; check-ins people already made stay theirs.") { Weight = "Bolder" },
    ], [SubmitAction.ForVerb($"Yes, delete {cadence.Name}", ConfirmDeleteVerb, ("cadenceId", cadence.Id))]);

    /// <summary>A run's dead letters: who could not be sent to after every retry, and why (names, not message content).</summary>
    public static AdaptiveCard Failures(IReadOnlyList<(string Name, string Reason)> failures) => new(
    [
        TextBlock.Heading("Could not be sent after retries"),
        failures.Count == 0 ? new TextBlock("Nobody: every failure was retried successfully.") : new FactSet([.. failures.Take(30).Select(f => new Fact(f.Name, f.Reason))]),
        TextBlock.Subtle(failures.Count > 30 ? $"And {failures.Count - 30} more: GET /api/admin/runs/{{runId}}/dead-letters lists them all." : "Running the cadence again sends to them once more; whoever still has it open is not asked again."),
    ]);

    /// <summary>The next weeks of a cadence before anything is sent: per occurrence, who is asked and who is left out and why.</summary>
    public static AdaptiveCard Preview(Core.Cadences.Preview.CadencePreview preview)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading($"Preview: {preview.Name}"),
            TextBlock.Subtle($"{preview.From:d MMM} – {preview.To:d MMM yyyy}, "
                + string.Join(", ", preview.QuestionSetVersions.Select(v => $"question set {v.Key} (version {v.Value})")) + $", {People(preview.People)} in the audience"
                + (preview.Active ? "" : ". Paused: nobody is asked until it is resumed.")),
        };
        if (preview.Occurrences.Count == 0)
            body.Add(new TextBlock(preview.IsJourney ? "Nobody reaches a step of the journey in these weeks." : "No occurrence in these weeks."));
        if (preview.NoHireDate > 0)
            body.Add(new TextBlock($"{People(preview.NoHireDate)} have no hire date in the directory, so the journey cannot place them."));
        body.Add(new FactSet([.. preview.Occurrences.Select(o => new Fact(
            $"{o.Date:ddd d MMM} {o.LocalTime:HH:mm}",
            $"{o.Due} asked" + (o.Lighter > 0 ? $" ({o.Lighter} a lighter form: they seemed tired)" : "") + string.Concat(o.LeftOut.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $", {l.Value} {LeftOutText(l.Key)}"))
                + (o.ZoneFromCadence > 0 ? $"; {o.ZoneFromCadence} in the cadence's zone (theirs unknown)" : "")))]));
        if (preview.SkippedDates.Count > 0)
            body.Add(TextBlock.Subtle($"Skipped: {string.Join(", ", preview.SkippedDates.Select(d => d.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)))}."));
        body.Add(TextBlock.Subtle($"Each person is asked at that time in their own time zone; who has the app as of {preview.ReachabilityAsOf:HH:mm} UTC. "
            + $"Who exactly, and when in UTC: GET /api/admin/cadences/{preview.CadenceId}/preview."));
        return new AdaptiveCard(body);
    }

    private static string LeftOutText(string reason) => reason switch
    {
        "notInstalled" => "without the app",
        "unreachable" => "unreachable (blocked or gone)",
        "snoozed" => "snoozed",
        "away" => "away (asked when back, if still worth it)",
        "missed" => "too late to ask (their time has passed)",
        "paused" => "not asked (paused)",
        _ => reason,
    };

    public static AdaptiveCard RunStarted(string cadenceName, string runId, int audience) => new(
    [
        new TextBlock($"Started: {cadenceName} is going out to {People(audience)} now.") { Weight = "Bolder" },
        TextBlock.Subtle($"Run {runId}. Type **cadences** to see how far it got. People who have not installed CheckinBot are reported with the reason."),
    ]);

    /// <summary>
    /// "Send it to N people now?": the button carries the run id the confirmation starts, so a double click starts one
    /// run. After a recent run the question says when that one went out, and the button confirms the rerun.
    /// </summary>
    public static AdaptiveCard ConfirmRun(RunNowAnswer answer, string zoneId)
    {
        var cadence = answer.Cadence!;
        (string, object?)[] data = [("cadenceId", cadence.Id), ("runId", answer.RunId)];
        return answer is { IsRerun: true, Progress: { } last }
            ? new AdaptiveCard(
                [
                    new TextBlock($"{cadence.Name} went out {Local(last.StartedAt, zoneId)} to {People(last.Total)}. Send it to {People(answer.Audience)} again?") { Weight = "Bolder" },
                    TextBlock.Subtle("Whoever still has it open is not asked again; everyone else gets it once more."),
                ],
                [SubmitAction.ForVerb("Yes, send it again", RerunVerb, data)])
            : new AdaptiveCard(
                [new TextBlock($"Send {cadence.Name} to {People(answer.Audience)} now?") { Weight = "Bolder" }],
                [SubmitAction.ForVerb("Send now", ConfirmRunVerb, data)]);
    }

    /// <summary>Why "run now" did nothing: paused, a run still going, or this confirmation already used.</summary>
    public static AdaptiveCard RunNotStarted(RunNowAnswer answer) => new(
    [
        new TextBlock(answer.Outcome switch
        {
            RunNowOutcome.Paused => $"{answer.Cadence!.Name} is paused, so nothing was sent. Resume it first.",
            RunNowOutcome.Journey => $"{answer.Cadence!.Name} is a journey: each person is asked on their own steps' days from their hire date, so nothing was sent now. Its Preview shows who is asked when.",
            RunNowOutcome.Running => $"{answer.Cadence!.Name} is still going out ({answer.Progress?.Pending ?? 0} of {answer.Progress?.Total ?? answer.Audience} to go), "
                + "so nothing more was sent: a second run would ask people twice. Type **cadences** to follow it.",
            RunNowOutcome.AlreadyStarted => $"Already on its way: this confirmation started run {answer.RunId}, and nothing more was sent.",
            _ => "That cadence no longer exists, so nothing was sent.",
        }),
    ]);

    private static string People(int n) => n == 1 ? "1 person" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} people";

    private static string Describe(CadenceSchedule s) => s.Frequency switch
    {
        CadenceFrequency.Weekly => $"{(s.Interval == 1 ? "every week" : $"every {s.Interval} weeks")} on {s.DayOfWeek} at {s.LocalTime}",
        CadenceFrequency.Monthly or CadenceFrequency.Quarterly => $"{(s.Frequency == CadenceFrequency.Quarterly ? "every quarter" : s.Interval == 1 ? "every month" : $"every {s.Interval} months")} on "
            + (s.DayOfMonth is { } day ? $"day {day}" : $"the {(s.WeekOfMonth == -1 ? "last" : Ordinal(s.WeekOfMonth ?? 1))} {s.DayOfWeek}") + $" at {s.LocalTime}",
        CadenceFrequency.Journey => $"a journey of {s.Steps.Count} step{(s.Steps.Count == 1 ? "" : "s")} (day {string.Join(", ", s.Steps.Select(step => step.Day))} after each person's hire date) at {s.LocalTime}",
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

    private static string Describe(RunProgress p, string zoneId) =>
        $"{Local(p.StartedAt, zoneId)}: {p.Sent} of {p.Total} sent, "
        + (p.Unconfirmed > 0 ? $"{p.Unconfirmed} sent unconfirmed (Teams did not confirm; never sent twice), " : "")
        + $"{p.Unreachable} unreachable, {p.Skipped} skipped, {p.Failed} failed, "
        + (p.Away > 0 ? $"{p.Away} away, " : "")
        + (p.CompletedAt is { } done ? $"finished {Local(done, zoneId)}" : $"{p.Pending} to go" + Waiting(p));

    private static string Waiting(RunProgress p) => string.Join(", ", new[]
    {
        p.Snoozed > 0 ? $"{p.Snoozed} snoozed" : null,
        p.HeldAway > 0 ? $"{p.HeldAway} away, asked when back" : null,
    }.OfType<string>()) is { Length: > 0 } waiting ? $" ({waiting})" : "";

    private static double? Number(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", _ => "fourth" };

    private static string Local(DateTimeOffset at, string zoneId)
    {
        var zone = IanaTimeZone.FindOrUtc(zoneId);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture) + $" {zoneId}";
    }
}
