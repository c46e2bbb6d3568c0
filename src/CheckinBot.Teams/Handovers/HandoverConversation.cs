using CheckinBot.Core.Handovers;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Handovers;

/// <summary>The person's answer to "may your new manager see your history?", from the consent card's buttons.</summary>
public sealed class HandoverConversation(HandoverService handovers) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Verb(HandoverCards.YesVerb, (r, ct) => AnswerAsync(r, consent: true, ct))
        .Verb(HandoverCards.NoVerb, (r, ct) => AnswerAsync(r, consent: false, ct));

    private async Task AnswerAsync(CardRequest request, bool consent, CancellationToken cancellationToken)
    {
        var (answer, newManager) = await handovers.AnswerAsync(request.UserId, request.Id("handoverId"), consent, cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, HandoverCards.Answered(answer, newManager), cancellationToken);
    }
}
