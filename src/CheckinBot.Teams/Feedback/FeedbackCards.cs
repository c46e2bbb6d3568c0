using System.Globalization;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Org;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Feedback;

/// <summary>Feedback cards: received, asked of you (with the answer box), asking a colleague, and the overview.</summary>
public static class FeedbackCards
{
    public const string AckVerb = "feedback.ack";
    public const string ReplyVerb = "feedback.reply";
    public const string AnswerFormVerb = "feedback.answer";
    public const string AskFormVerb = "feedback.ask.form";
    public const string FindVerb = "feedback.ask.find";
    public const string SendAskVerb = "feedback.ask.send";

    public const string TextInput = "text";
    public const string PraiseInput = "praise";
    public const string NameInput = "name";
    public const string TopicInput = "topic";
    public const string ColleagueInput = "colleague";

    public static AdaptiveCard Received(FeedbackNote note, string? topic) => new(
        [
            TextBlock.Heading($"Feedback from {note.FromName ?? "a colleague"}"),
            .. topic is null ? Array.Empty<CardElement>() : [TextBlock.Subtle($"On: {topic}")],
            new TextBlock(note.Text),
            .. note.IsPraise ? [TextBlock.Subtle("🌟 Praise: it's on your brag sheet (type **wins**).")] : Array.Empty<CardElement>(),
        ],
        [SubmitAction.ForVerb("Thanks!", AckVerb, ("noteId", note.Id))]);

    public static AdaptiveCard Acknowledged(FeedbackNote note) => new(
        [
            TextBlock.Subtle($"Feedback from {note.FromName ?? "a colleague"}"),
            new TextBlock(note.Text),
            TextBlock.Subtle("✓ You said thanks."),
        ]);

    /// <summary>A request for the recipient to answer right here (or, with <paramref name="daysWaiting"/>, a reminder of one).</summary>
    public static AdaptiveCard Asked(FeedbackAsk ask, int? daysWaiting = null, string? error = null, string? text = null)
    {
        var from = ask.RequesterName ?? "A colleague";
        var body = new List<CardElement>();
        if (error is not null)
            body.Add(new TextBlock(error) { Color = "Attention" });
        body.Add(TextBlock.Heading(daysWaiting is { } days
            ? $"A gentle reminder: {from} asked for your feedback {days} day{(days == 1 ? "" : "s")} ago"
            : $"{from} asks for your feedback"));
        body.Add(new TextBlock($"On: {ask.Topic}"));
        body.Add(new TextInput(TextInput) { Label = "Your feedback", IsMultiline = true, MaxLength = FeedbackNote.MaxLength, Value = text, IsRequired = true, ErrorMessage = "Write your feedback first" });
        body.Add(new ToggleInput(PraiseInput, "This is praise: add it to their brag sheet"));
        return new AdaptiveCard(body, [SubmitAction.ForVerb("Send feedback", ReplyVerb, ("askId", ask.Id), ("requesterId", ask.RequesterId))]);
    }

    public static AdaptiveCard Sent(string toName, string text) => new(
        [
            TextBlock.Subtle($"Feedback for {toName}"),
            new TextBlock(text),
            new TextBlock($"✓ Sent to {toName}.") { Weight = "Bolder" },
        ]);

    public static AdaptiveCard AskForm(string? name = null, string? topic = null, string? error = null) => new(
        [
            .. error is null ? Array.Empty<CardElement>() : [new TextBlock(error) { Color = "Attention" }],
            TextBlock.Heading("Ask for feedback"),
            new TextInput(NameInput) { Label = "Who? (type part of their name)", Value = name, MaxLength = 100, IsRequired = true, ErrorMessage = "Type a name" },
            new TextInput(TopicInput) { Label = "On what?", Value = topic, MaxLength = FeedbackAsk.MaxTopicLength, Placeholder = "e.g. my demo on Friday" },
        ],
        [SubmitAction.ForVerb("Find", FindVerb)]);

    public static AdaptiveCard Pick(IReadOnlyList<Person> matches, string? topic, string? error = null) => new(
        [
            .. error is null ? Array.Empty<CardElement>() : [new TextBlock(error) { Color = "Attention" }],
            TextBlock.Heading("Ask for feedback"),
            new ChoiceSetInput(ColleagueInput, [.. matches.Select(p => new Choice(p.Department is null ? p.Name : $"{p.Name} · {p.Department}", p.Id))])
                { Label = "Who?", Style = "expanded", Value = matches.Count == 1 ? matches[0].Id : null, IsRequired = true, ErrorMessage = "Pick someone" },
            new TextInput(TopicInput) { Label = "On what?", Value = topic, MaxLength = FeedbackAsk.MaxTopicLength, IsRequired = true, ErrorMessage = "Say what you want feedback on" },
        ],
        [SubmitAction.ForVerb("Ask", SendAskVerb), SubmitAction.ForVerb("Search again", AskFormVerb) with { AssociatedInputs = "none" }]);

    public static AdaptiveCard AskSent(FeedbackAsk ask) => new(
        [
            new TextBlock($"✓ Asked {ask.AskedName} for feedback on: {ask.Topic}") { Weight = "Bolder" },
            TextBlock.Subtle("Their answer will arrive here. Only the two of you can see this request."),
        ]);

    public static AdaptiveCard Overview(FeedbackOverview overview, IReadOnlyList<CheckinFeedbackTopic> inCheckins)
    {
        var body = new List<CardElement> { TextBlock.Heading("Feedback") };
        body.Add(new TextBlock("Received") { Weight = "Bolder", Spacing = "Medium" });
        if (overview.Received.Count == 0)
            body.Add(TextBlock.Subtle("Nothing yet."));
        body.AddRange(overview.Received.Select(n => new TextBlock($"• {Date(n.CreatedAt)} — {n.FromName ?? "A colleague"}{(n.IsPraise ? " 🌟" : "")}: {n.Text}")));

        body.Add(new TextBlock("Asked for") { Weight = "Bolder", Spacing = "Medium" });
        if (overview.AskedByMe.Count == 0 && inCheckins.Count == 0)
            body.Add(TextBlock.Subtle("Nothing yet. Ask your manager or any colleague with the button below."));
        body.AddRange(overview.AskedByMe.Select(a => new TextBlock($"• {Date(a.CreatedAt)} — {a.AskedName}: {a.Topic} ({(a.IsOpen ? "waiting" : "answered")})")));
        body.AddRange(inCheckins.Select(r => new TextBlock($"• {Date(r.At)} — in a check-in: {r.Topic}{(r.SharedWithManager ? "" : " (kept private, so your manager has not seen it)")}")));

        var actions = new List<CardAction> { SubmitAction.ForVerb("Ask for feedback", AskFormVerb) };
        if (overview.AskedOfMe.Count > 0)
        {
            body.Add(new TextBlock("Waiting for your answer") { Weight = "Bolder", Spacing = "Medium" });
            body.AddRange(overview.AskedOfMe.Select(a => new TextBlock($"• {Date(a.CreatedAt)} — {a.RequesterName}: {a.Topic}")));
            actions.AddRange(overview.AskedOfMe.Take(5).Select(a => SubmitAction.ForVerb($"Answer {a.RequesterName}", AnswerFormVerb, ("askId", a.Id), ("requesterId", a.RequesterId))));
        }
        return new AdaptiveCard(body, actions);
    }

    private static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
