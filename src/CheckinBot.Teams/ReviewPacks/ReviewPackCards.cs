using System.Globalization;
using CheckinBot.Core.ReviewPacks;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.ReviewPacks;

public static class ReviewPackCards
{
    public const string StartVerb = "reviewpack.start";
    public const string EntriesVerb = "reviewpack.entries";
    public const string BuildVerb = "reviewpack.build";
    public const string ShareVerb = "reviewpack.share";
    public const string AskVerb = "reviewpack.ask";
    public const string MonthsField = "months";
    public const string FromInput = "from";
    public const string ToInput = "to";
    public const string PackField = "pack";
    public const string ReportField = "report";

    /// <summary>The input of one section's ticks: a multi-select whose value is the ids kept, comma-separated.</summary>
    public static string PickInput(ReviewSection section) => "pick-" + section;

    public static AdaptiveCard Period(DateOnly today, string? problem = null) => new(
    [
        TextBlock.Heading("Your review pack"),
        new TextBlock("A draft self-review built only from your own log: goals and milestones, wins, feedback, the skills you said you were building and what you said would help next. Every line is your own words, dated, with a link to where it came from."),
        .. problem is null ? Array.Empty<CardElement>() : [new TextBlock(problem) { Color = "Attention" }],
        new TextBlock("Which period?") { Weight = "Bolder", Spacing = "Medium" },
        new ActionSet([
            SubmitAction.ForVerb("Last 6 months", EntriesVerb, (MonthsField, "6")),
            SubmitAction.ForVerb("Last 12 months", EntriesVerb, (MonthsField, "12")),
        ]),
        new DateInput(FromInput) { Label = "Or from", Max = Iso(today) },
        new DateInput(ToInput) { Label = "to", Value = Iso(today) },
    ], [SubmitAction.ForVerb("Use these dates", EntriesVerb)]);

    /// <summary>Every entry of the period, ticked: the person unticks what to leave out.</summary>
    public static AdaptiveCard Entries(DateOnly from, DateOnly to, IReadOnlyList<ReviewEntry> entries)
    {
        var body = new List<CardElement> { TextBlock.Heading($"Review pack: {Day(from)} to {Day(to)}") };
        if (entries.Count == 0)
        {
            body.Add(new TextBlock("Nothing is logged in this period yet, so there is nothing to draft from."));
            body.Add(TextBlock.Subtle("Check-ins with wins, learning goals (**add goal**), and feedback you ask for (**feedback**) fill the next pack. Or pick a longer period."));
            return new AdaptiveCard(body, [SubmitAction.ForVerb("Pick another period", StartVerb)]);
        }
        body.Add(new TextBlock("Untick anything to leave out. Lines from check-ins you kept private never go in your manager's copy."));
        foreach (var section in entries.GroupBy(e => e.Section))
        {
            body.Add(new TextBlock($"{ReviewSectionTitles.Of(section.Key)} ({section.Count()})") { Weight = "Bolder", Spacing = "Medium" });
            body.Add(new ChoiceSetInput(PickInput(section.Key), [.. section.Select(e => new Choice(Choice(e), e.Id))])
            {
                IsMultiSelect = true, Style = "expanded", Value = string.Join(',', section.Select(e => e.Id)),
            });
        }
        return new AdaptiveCard(body, [SubmitAction.ForVerb("Build my review pack", BuildVerb, (FromInput, Iso(from)), (ToInput, Iso(to)))]);
    }

    public static AdaptiveCard TooMany(DateOnly today, int count) =>
        Period(today, $"That period has {count} entries, more than the {ReviewPackService.MaxEntries} a pack can show. Pick a shorter range; you can build one pack per part of the year.");

    public static AdaptiveCard Built(ReviewPack pack, IReadOnlyList<ReviewEntry> kept, Uri download) => new(
    [
        TextBlock.Heading($"Your review pack is ready: {Day(pack.From)} to {Day(pack.To)}"),
        new FactSet([.. kept.GroupBy(e => e.Section).Select(s => new Fact(ReviewSectionTitles.Of(s.Key), s.Count().ToString(CultureInfo.InvariantCulture)))]),
        .. kept.Count == 0 ? [new TextBlock("You left every entry out, so the draft is empty.")] : Array.Empty<CardElement>(),
        TextBlock.Subtle("It is yours: nobody else sees it unless you press Share. The link works for 15 minutes; type **review pack** again for a new one."),
    ], [new OpenUrlAction("Download (Word)", download), SubmitAction.ForVerb("Share with my manager", ShareVerb, (PackField, pack.Id))]);

    public static AdaptiveCard Shared(string managerName, int privateLeftOut) => new(
    [
        new TextBlock($"Shared with {managerName}.") { Weight = "Bolder" },
        new TextBlock("They get a card with a link to their copy" + (privateLeftOut > 0 ? $", without the {privateLeftOut} line{(privateLeftOut == 1 ? "" : "s")} from check-ins you kept private." : ".")),
        TextBlock.Subtle("**delete my data** ends every link to it."),
    ]);

    public static AdaptiveCard NoManager() => new(
    [
        new TextBlock("The org directory lists no manager for you, so there is no one to share it with. The pack stays yours."),
    ]);

    public static AdaptiveCard Gone() => new([new TextBlock("That review pack is no longer there. Type **review pack** to build a new one.")]);

    /// <summary>To the manager, once their report pressed Share.</summary>
    public static AdaptiveCard SharedWithYou(ReviewPackSharedMessage shared) => new(
    [
        TextBlock.Heading($"{shared.PersonName} shared their review pack"),
        new TextBlock($"{Day(shared.From)} to {Day(shared.To)}, {shared.Lines} line{(shared.Lines == 1 ? "" : "s")} from their own log, each linked to where it came from."),
        TextBlock.Subtle("A draft in their words, to start the conversation. The link works for 30 days, unless they delete their data."),
    ], [new OpenUrlAction("Open their review pack (Word)", shared.Link)]);

    /// <summary>To the report, when their manager asks ahead of a review.</summary>
    public static AdaptiveCard Asked(ReviewPackAskedMessage asked) => new(
    [
        TextBlock.Heading($"{asked.ManagerName} asks for your review pack"),
        new TextBlock("Ahead of your review: a draft from your own log, with only what you choose. Nothing is shared until you press Share, and you can say no by doing nothing."),
    ], [SubmitAction.ForVerb("Build my review pack", StartVerb)]);

    public static AdaptiveCard AskSent(string reportName) => new(
    [
        new TextBlock($"Asked {reportName} for their review pack.") { Weight = "Bolder" },
        TextBlock.Subtle("They choose what goes in; you get a card when they share it."),
    ]);

    private static string Choice(ReviewEntry entry)
    {
        var text = entry.Text.ReplaceLineEndings(" ");
        return $"{entry.At.ToString("d MMM", CultureInfo.InvariantCulture)} · {(text.Length > 120 ? text[..117] + "…" : text)}" + (entry.FromPrivateCheckin ? " (private check-in)" : "");
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
