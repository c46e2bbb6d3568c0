using System.Globalization;
using CheckinBot.Core.Insights;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Insights;

/// <summary>
/// <c>stats</c>: one card with a section per role the person has (their own, their team's, the organisation's). Counts
/// only; a team under the anonymity threshold is named as such and shows no number.
/// </summary>
public static class StatsCards
{
    /// <param name="growthTab">Where the Growth tab opens (charts of the same figures).</param>
    public static AdaptiveCard Stats(StatsCard stats, Uri growthTab)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading("The last four weeks"),
            TextBlock.Subtle($"{Day(stats.From)} – {Day(stats.To)}"),
        };
        if (stats.Organisation is { } org)
            AddOrganisation(body, org);
        if (stats.Team is { } team)
            AddTeam(body, team);
        AddPersonal(body, stats.Me);
        return new AdaptiveCard(body, [new OpenUrlAction("Open the Growth tab", growthTab)]);
    }

    private static void AddOrganisation(List<CardElement> body, OrgStats org)
    {
        body.Add(Section("Organisation"));
        if (org.Completed is null)
        {
            body.Add(new TextBlock(org.People is null ? "No figures yet: the first count is taken within a minute of the first check-in." : "Too few people to show figures."));
            return;
        }
        var facts = new List<Fact>
        {
            new("People", Count(org.People)),
            new("Check-ins completed", $"{org.Completed}{Change(org.Completed, org.CompletedBefore)}"),
        };
        if (org.Away > 0)
            facts.Add(new Fact("Not asked: away", $"{org.Away} (held until they were back, past the check-in's window; not counted as missed)"));
        if (org.MedianMinutesToComplete is { } minutes)
            facts.Add(new Fact("Median time to complete", $"{minutes.ToString("0.#", CultureInfo.InvariantCulture)} min"));
        if (Trend(org.EnergyByWeek) is { } energy)
            facts.Add(new Fact("Energy by week", energy));
        if (org.Goals is { } goals)
            facts.Add(new Fact("Goals", $"{goals.Created} created, {goals.MilestonesReached} milestones, {goals.Completed} completed"));
        if (org.Feedback is { } feedback)
        {
            var median = feedback.MedianHoursToAnswer is { } hours ? $", median {hours.ToString("0.#", CultureInfo.InvariantCulture)} h" : "";
            facts.Add(new Fact("Feedback requests answered", $"{feedback.Answered} of {feedback.Requested} asked{median}"));
            if (feedback.SharedAnsweredWithin7Days is { } replied)
                facts.Add(new Fact("Shared check-ins replied to within 7 days", replied.ToString("P0", CultureInfo.InvariantCulture)));
        }
        body.Add(new FactSet(facts));
        if (org.Movers.Count > 0)
        {
            body.Add(new TextBlock("Moved most") { Weight = "Bolder", Spacing = "Medium" });
            body.Add(new FactSet([.. org.Movers.Select(m => new Fact(m.Department, $"{m.Completed} ({Signed(m.Change)})"))]));
        }
        if (org.Unreachable.Count > 0)
        {
            body.Add(new TextBlock("Check-ins that could not be delivered") { Weight = "Bolder", Spacing = "Medium" });
            body.Add(new FactSet([.. org.Unreachable.Select(r => new Fact(r.Value.ToString(CultureInfo.InvariantCulture), UnreachableFixes.For(r.Key)))]));
        }
    }

    private static void AddTeam(List<CardElement> body, TeamStats team)
    {
        body.Add(Section("Your team (everyone who reports to you, directly or not)"));
        if (team.Suppressed)
        {
            body.Add(new TextBlock($"Your team has fewer than {team.MinGroupSize} people, so no figures are shown: nobody's answers can be told apart."));
            return;
        }
        var facts = new List<Fact>
        {
            new("People", Count(team.People)),
            new("Check-ins completed", $"{Count(team.Completed)}{Change(team.Completed, team.CompletedBefore)}"),
            new("Shared with their manager", Count(team.Shared)),
        };
        if (Trend(team.EnergyByWeek ?? []) is { } energy)
            facts.Add(new Fact("Energy by week", energy));
        body.Add(new FactSet(facts));
    }

    private static void AddPersonal(List<CardElement> body, PersonalStats me)
    {
        body.Add(Section("You"));
        var facts = new List<Fact>
        {
            new("Check-ins completed", Count(me.CheckinsCompleted)),
            new("Active goals", Count(me.ActiveGoals)),
            new("Goals completed", Count(me.GoalsCompleted)),
            new("Milestones reached", Count(me.MilestonesReached)),
            new("Feedback received", Count(me.FeedbackReceived)),
        };
        if (me.RecentEnergy.Count > 0)
            facts.Add(new Fact("Your recent energy", string.Join(" → ", me.RecentEnergy)));
        body.Add(new FactSet(facts));
    }

    private static TextBlock Section(string title) => new(title) { Weight = "Bolder", Size = "Medium", Spacing = "Large", Separator = true };

    private static string? Trend(IReadOnlyList<(DateOnly Week, double? Energy)> weeks) =>
        weeks.Any(w => w.Energy is not null)
            ? string.Join(" → ", weeks.Select(w => w.Energy is { } e ? e.ToString("0.0", CultureInfo.InvariantCulture) : "–"))
            : null;

    private static string Change(int? now, int? before) =>
        now is { } n && before is { } b && b > 0 ? $" ({Signed(n - b)} on the four weeks before)" : "";

    private static string Signed(int change) => change > 0 ? "+" + change.ToString(CultureInfo.InvariantCulture) : change.ToString(CultureInfo.InvariantCulture);

    private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Day(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);
}
