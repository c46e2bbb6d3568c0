using System.Globalization;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Org;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams.Cards;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Teams.Managers;

/// <summary>The manager's side: the summary of a shared check-in, its history, and the team view.</summary>
public static class ManagerCards
{
    public const string FeedbackVerb = "manager.feedback";
    public const string AcknowledgeVerb = "manager.ack";
    public const string HistoryVerb = "manager.history";

    /// <summary>Input ids on the summary card.</summary>
    public const string FeedbackInput = "feedback";
    public const string PraiseInput = "praise";

    public static AdaptiveCard Summary(ManagerSummaryMessage summary, string? notice = null, string? feedbackText = null)
    {
        var (employee, record) = (summary.Employee, summary.Record);
        var body = new List<CardElement>();
        if (notice is not null)
            body.Add(new TextBlock(notice) { Color = "Attention" });
        body.Add(TextBlock.Heading($"{employee.Name} shared a check-in"));
        body.Add(TextBlock.Subtle(Date(record.CompletedAt)));
        var facts = new List<Fact>();
        if (record.Energy is { } energy)
            facts.Add(new Fact("Energy", $"{energy}/5" + (summary.EnergyTrend.Count > 1 ? $" (trend {string.Join(" → ", summary.EnergyTrend)})" : "")));
        facts.AddRange(summary.Goals.Select(g => new Fact(g.Title, GoalLine(g))));
        if (facts.Count > 0)
            body.Add(new FactSet(facts));
        AddSection(body, "Wins", record.TextsFor(QuestionPurpose.Win));
        AddSection(body, "Blockers / support wanted", record.TextsFor(QuestionPurpose.Blocker));
        // Reflections, and whatever HR's own question sets ask (a choice, a yes/no, free text with no purpose), by their prompt.
        foreach (var answer in record.Answers.Where(a => a.Purpose is QuestionPurpose.Reflection or QuestionPurpose.None))
            AddSection(body, answer.Prompt, [answer.DisplayText]);
        AddSection(body, "New goal", record.TextsFor(QuestionPurpose.NewGoalTitle));
        AddSection(body, "Asks for your feedback on", record.TextsFor(QuestionPurpose.FeedbackRequest));

        body.Add(new TextInput(FeedbackInput) { Label = "Reply with feedback", IsMultiline = true, MaxLength = Core.Feedback.FeedbackNote.MaxLength, Placeholder = "Specific and timely beats long", Value = feedbackText, Spacing = "Large" });
        body.Add(new ToggleInput(PraiseInput, "This is praise: add it to their brag sheet"));
        var ids = Ids(employee.Id, record.CheckinId);
        var actions = new List<CardAction>
        {
            SubmitAction.ForVerb("Send feedback", FeedbackVerb, ids),
            SubmitAction.ForVerb("Acknowledge", AcknowledgeVerb, ids) with { AssociatedInputs = "none" },
            SubmitAction.ForVerb("View history", HistoryVerb, ids) with { AssociatedInputs = "none" },
        };
        if (MeetingLink(employee) is { } meeting)
            actions.Add(new OpenUrlAction("Schedule a 1:1", meeting));
        return new AdaptiveCard(body, actions);
    }

    /// <summary>What the summary card becomes once the manager acted on it.</summary>
    public static AdaptiveCard Done(string employeeName, string employeeId, string checkinId, string what) => new(
        [
            TextBlock.Heading($"{employeeName}'s check-in"),
            new TextBlock("✓ " + what) { Weight = "Bolder" },
        ],
        [SubmitAction.ForVerb("View history", HistoryVerb, Ids(employeeId, checkinId))]);

    public static AdaptiveCard History(Person employee, IReadOnlyList<CheckinRecord> records)
    {
        var body = new List<CardElement> { TextBlock.Heading($"{employee.Name}'s shared check-ins") };
        if (records.Count == 0)
            body.Add(new TextBlock("Nothing shared yet."));
        foreach (var record in records)
        {
            body.Add(new TextBlock(Date(record.CompletedAt)) { Weight = "Bolder", Spacing = "Medium", Separator = true });
            body.Add(new FactSet([.. record.Answers.Select(a => new Fact(ShortPrompt(a), a.DisplayText))]));
        }
        return new AdaptiveCard(body);
    }

    public static AdaptiveCard Team(IReadOnlyList<TeamMember> members)
    {
        var body = new List<CardElement> { TextBlock.Heading("Your team") };
        if (members.Count == 0)
            body.Add(new TextBlock("The directory lists no direct reports for you."));
        foreach (var m in members)
        {
            body.Add(new TextBlock(m.Person.Name) { Weight = "Bolder", Spacing = "Medium", Separator = true });
            var facts = new List<Fact>();
            if (m.Away is { } away)
                facts.Add(new Fact("Away", away.End is { } back
                    ? "back " + Date(TimeZoneInfo.ConvertTime(back, Core.Time.IanaTimeZone.FindOrUtc(m.Person.TimeZone)))
                    : "for now (Outlook automatic replies on)"));
            facts.Add(new Fact("Last shared check-in", m.LastSharedAt is { } at ? Date(at) : "none yet"));
            if (m.EnergyTrend.Count > 0)
                facts.Add(new Fact("Energy", string.Join(" → ", m.EnergyTrend)));
            if (m.GoalsOnTrack + m.GoalsBehind > 0)
                facts.Add(new Fact("Goals", $"{m.GoalsOnTrack} on track, {m.GoalsBehind} behind"));
            if (m.OpenRequestsToYou > 0)
                facts.Add(new Fact("Waiting for you", $"{m.OpenRequestsToYou} feedback request{(m.OpenRequestsToYou == 1 ? "" : "s")}"));
            if (m.LighterCheckins)
                facts.Add(new Fact("Lighter check-ins", "they seemed stretched, so I ask less for now: a conversation helps more than a reminder"));
            if (Reachability(m) is { } problem)
                facts.Add(new Fact("Can't reach", problem));
            body.Add(new FactSet(facts) { Spacing = "None" });
            body.Add(new ActionSet([SubmitAction.ForVerb("Ask for their review pack", ReviewPacks.ReviewPackCards.AskVerb, (ReviewPacks.ReviewPackCards.ReportField, m.Person.Id))]) { Spacing = "None" });
        }
        body.Add(TextBlock.Subtle("Only check-ins your reports chose to share are summarised here."));
        return new AdaptiveCard(body);
    }

    private static string? Reachability(TeamMember m) => m.Reachability switch
    {
        null => "hasn't installed CheckinBot yet",
        RegistrationStatus.Uninstalled => "removed CheckinBot",
        RegistrationStatus.Unreachable => $"Teams refuses delivery ({m.UnreachableReason})",
        _ => null,
    };

    private static string GoalLine(GoalSummaryLine g) =>
        $"{g.Percent}%"
        + (g.PreviousPercent is { } before && before != g.Percent ? $" (was {before}%)" : g.PreviousPercent is null ? "" : " (no change)")
        + (g.MilestoneReached is null ? "" : $" · milestone reached: {g.MilestoneReached}")
        + (g.Note is null ? "" : $" · {g.Note}");

    private static void AddSection(List<CardElement> body, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
            return;
        body.Add(new TextBlock(title) { IsSubtle = true, Spacing = "Medium" });
        body.AddRange(items.Select(l => new TextBlock(l) { Spacing = "None" }));
    }

    /// <summary>A Teams deep link that opens a new meeting with the person (learn.microsoft.com: deep link to the scheduling dialog).</summary>
    private static Uri? MeetingLink(Person employee) =>
        employee.Mail is { Length: > 0 } mail
            ? new Uri($"https://teams.microsoft.com/l/meeting/new?subject={Uri.EscapeDataString($"1:1 with {employee.Name}")}&attendees={Uri.EscapeDataString(mail)}")
            : null;

    private static string ShortPrompt(CheckinAnswer answer) => answer.Purpose switch
    {
        QuestionPurpose.Energy => "Energy",
        QuestionPurpose.Win => "Win",
        QuestionPurpose.Blocker => "Blockers",
        QuestionPurpose.Reflection => "Reflection",
        QuestionPurpose.FeedbackRequest => "Feedback wanted on",
        QuestionPurpose.NewGoalWanted or QuestionPurpose.NewGoalTitle => "New goal",
        _ => answer.Prompt,
    };

    private static (string, object?)[] Ids(string employeeId, string checkinId) => [("employeeId", employeeId), ("checkinId", checkinId)];

    private static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
