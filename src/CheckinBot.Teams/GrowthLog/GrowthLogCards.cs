using System.Globalization;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.GrowthLog;

public static class GrowthLogCards
{
    public const string WinsVerb = "wins.period";
    public const string EraseVerb = "data.erase";
    public const string KeepVerb = "data.keep";

    /// <summary>When the erase confirmation was shown (Unix seconds); it expires after <see cref="ConfirmationLifetime"/>.</summary>
    public const string RequestedAtField = "requestedAt";
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromMinutes(10);

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

    public static AdaptiveCard ConfirmErase(DateTimeOffset requestedAt) => new(
    [
        TextBlock.Heading("Delete all your data?"),
        new TextBlock("This erases your check-ins, goals, wins and feedback requests from CheckinBot for good. It cannot be undone; **export my data** first if you want a copy."),
    ],
    [
        SubmitAction.ForVerb("Yes, delete everything", EraseVerb, (RequestedAtField, requestedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))),
        SubmitAction.ForVerb("No, keep it", KeepVerb),
    ]);

    public static AdaptiveCard Erased(EraseResult result) => new(result.Finished
        ?
        [
            new TextBlock($"Done: {result.Erased} item{(result.Erased == 1 ? "" : "s")} deleted. CheckinBot no longer holds any of your check-ins, goals or feedback.") { Weight = "Bolder" },
        ]
        :
        [
            new TextBlock("Deleting your data was interrupted part-way.") { Weight = "Bolder" },
            new TextBlock($"{result.Erased} items are already gone and your export links no longer work. I'll finish deleting the rest automatically within a few minutes; you don't need to do anything."),
        ]);

    public static AdaptiveCard ConfirmationExpired() => new(
    [
        new TextBlock("That confirmation has expired, so nothing was deleted.") { Weight = "Bolder" },
        TextBlock.Subtle("Type **delete my data** again if you still want to erase everything."),
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
