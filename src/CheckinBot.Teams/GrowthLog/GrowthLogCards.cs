using System.Globalization;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.GrowthLog;

public static class GrowthLogCards
{
    public const string WinsVerb = "wins.period";
    public const string EraseVerb = "data.erase";
    public const string KeepVerb = "data.keep";

    public static AdaptiveCard Wins(IReadOnlyList<BragItem> items, BragPeriod period)
    {
        var body = new List<CardElement> { TextBlock.Heading($"Your brag sheet · {Describe(period)}") };
        if (items.Count == 0)
            body.Add(new TextBlock("Nothing here yet for this period. Wins come from your check-ins and completed goals."));
        body.AddRange(items.Select(i => new TextBlock($"• {Date(i.At)} — {i.Kind switch
        {
            BragKind.CompletedGoal => "Completed goal: ",
            BragKind.Milestone => "Milestone: ",
            BragKind.Praise => "Praise: ",
            _ => "",
        }}{i.Text}")));
        if (items.Count > 0)
            body.Add(TextBlock.Subtle("Copy this into your next performance review."));
        return new AdaptiveCard(body, [.. Enum.GetValues<BragPeriod>().Where(p => p != period).Select(p =>
            SubmitAction.ForVerb(Describe(p), WinsVerb, ("period", p.ToString())))]);
    }

    public static AdaptiveCard Export(Uri json, Uri csv) => new(
    [
        TextBlock.Heading("Your data is ready"),
        new TextBlock("Everything CheckinBot stores about you: check-ins, goals with their history, and your chat details."),
        TextBlock.Subtle($"The links work for {ExportTokens.Lifetime.TotalMinutes:0} minutes. Type **export my data** again for new ones."),
    ],
    [new OpenUrlAction("Download JSON", json), new OpenUrlAction("Download CSV", csv)]);

    public static AdaptiveCard ConfirmErase() => new(
    [
        TextBlock.Heading("Delete all your data?"),
        new TextBlock("This erases your check-ins, goals, wins and feedback requests from CheckinBot for good. It cannot be undone; **export my data** first if you want a copy."),
    ],
    [
        SubmitAction.ForVerb("Yes, delete everything", EraseVerb),
        SubmitAction.ForVerb("No, keep it", KeepVerb),
    ]);

    public static AdaptiveCard Erased(int count) => new(
    [
        new TextBlock($"Done: {count} item{(count == 1 ? "" : "s")} deleted. CheckinBot no longer holds any of your check-ins or goals.") { Weight = "Bolder" },
    ]);

    public static AdaptiveCard Kept() => new([new TextBlock("Nothing was deleted.")]);

    internal static string Describe(BragPeriod period) => period switch
    {
        BragPeriod.Month => "Last month",
        BragPeriod.Quarter => "Last 3 months",
        BragPeriod.Year => "Last year",
        _ => "Everything",
    };

    private static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
