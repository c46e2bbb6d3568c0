using CheckinBot.Core.Commands;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Org;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Feedback;

/// <summary><c>feedback</c>: what I received and asked for; asking a colleague picked by name; answering requests.</summary>
public sealed class FeedbackConversation(FeedbackService feedback, GrowthLogService growthLog, IOrgDirectory directory) : IChatFeature
{
    private const int MaxMatches = 8;

    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Feedback, OverviewAsync)
        .Verb(FeedbackCards.AckVerb, AcknowledgeAsync)
        .Verb(FeedbackCards.ReplyVerb, ReplyAsync)
        .Verb(FeedbackCards.AnswerFormVerb, AnswerFormAsync)
        .Verb(FeedbackCards.AskFormVerb, (r, ct) => r.Turn.ReplaceOrSendCardAsync(r.Action.CardActivityId, FeedbackCards.AskForm(topic: r.Get(FeedbackCards.TopicInput)), ct))
        .Verb(FeedbackCards.FindVerb, FindAsync)
        .Verb(FeedbackCards.SendAskVerb, SendAskAsync);

    private async Task OverviewAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var overview = await feedback.OverviewAsync(request.UserId, cancellationToken);
        // Check-in requests that reached the manager are listed with the other requests; the rest (private ones) here.
        var opened = overview.AskedByMe.Select(a => a.CheckinId).OfType<string>().ToHashSet();
        var inCheckins = (await growthLog.FeedbackTopicsAsync(request.UserId, cancellationToken)).Where(r => r.CheckinId is null || !opened.Contains(r.CheckinId)).ToList();
        await request.Turn.SendCardAsync(FeedbackCards.Overview(overview, inCheckins), cancellationToken);
    }

    private async Task AcknowledgeAsync(CardRequest request, CancellationToken cancellationToken)
    {
        // Null only when the note is gone: a note acknowledged before comes back as it is.
        var note = await feedback.AcknowledgeAsync(request.UserId, request.Id("noteId"), cancellationToken);
        await (note is null
            ? request.Turn.SendTextAsync("That feedback is no longer in your log.", cancellationToken)
            : request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, FeedbackCards.Acknowledged(note), cancellationToken));
    }

    private async Task ReplyAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var (requesterId, text) = (request.Id("requesterId"), request.Get(FeedbackCards.TextInput));
        var (note, error) = await feedback.GiveAsync(request.UserId, requesterId, text, request.Get(FeedbackCards.PraiseInput) == "true", regardingCheckinId: null, request.Id("askId"), cancellationToken);
        if (note is null)
        {
            await request.Turn.SendTextAsync(error!, cancellationToken); // the card keeps what was typed
            return;
        }
        var name = (await directory.FindAsync(requesterId, cancellationToken))?.Name ?? "them";
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, FeedbackCards.Sent(name, note.Text), cancellationToken);
    }

    private async Task AnswerFormAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var ask = await feedback.FindAskedOfAsync(request.UserId, request.Id("requesterId"), request.Id("askId"), cancellationToken);
        await (ask is { IsOpen: true }
            ? request.Turn.SendCardAsync(FeedbackCards.Asked(ask), cancellationToken)
            : request.Turn.SendTextAsync("That request is answered already, or it isn't addressed to you.", cancellationToken));
    }

    private async Task FindAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var (name, topic) = (request.Get(FeedbackCards.NameInput)?.Trim() ?? "", request.Get(FeedbackCards.TopicInput));
        var matches = name.Length < 2 ? []
            : (await directory.SearchAsync(name, MaxMatches + 1, cancellationToken)).Where(p => !string.Equals(p.Id, request.UserId, StringComparison.OrdinalIgnoreCase)).Take(MaxMatches).ToList();
        var card = name.Length < 2 ? FeedbackCards.AskForm(name, topic, "Type at least two letters of their name.")
            : matches.Count == 0 ? FeedbackCards.AskForm(name, topic, $"No one in the directory matches \"{name}\".")
            : FeedbackCards.Pick(matches, topic);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, card, cancellationToken);
    }

    private async Task SendAskAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Get(FeedbackCards.TopicInput);
        var (ask, error) = await feedback.AskAsync(request.UserId, request.Id(FeedbackCards.ColleagueInput), topic, checkinId: null, cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId,
            ask is null ? FeedbackCards.AskForm(topic: topic, error: error) : FeedbackCards.AskSent(ask), cancellationToken);
    }
}
