using CheckinBot.Core.Cadences;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Runs;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Cadences;

/// <summary><c>cadences</c> for HR: the list with next run times, pause and resume. Everyone else gets a polite "HR only".</summary>
public sealed class CadenceConversation(CadenceService cadences, RunService runs) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Cadences, async (r, ct) => await r.Turn.SendCardAsync(await ListCardAsync(r.UserId, ct), ct))
        .Verb(CadenceCards.PauseVerb, (r, ct) => SetActiveAsync(r, active: false, ct))
        .Verb(CadenceCards.ResumeVerb, (r, ct) => SetActiveAsync(r, active: true, ct))
        .Verb(CadenceCards.RunVerb, RunNowAsync);

    private async Task RunNowAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (!cadences.IsHr(request.UserId))
        {
            await request.Turn.SendCardAsync(CadenceCards.HrOnly(), cancellationToken);
            return;
        }
        var cadence = (await cadences.ListAsync(request.UserId, cancellationToken))!.FirstOrDefault(c => c.Cadence.Id == request.Id("cadenceId"))?.Cadence;
        var run = cadence is { Active: true } ? await runs.StartAsync(cadence.Id, cancellationToken) : null;
        await (run is null
            ? request.Turn.SendTextAsync("That cadence no longer exists or is paused, so nothing was sent.", cancellationToken)
            : request.Turn.SendCardAsync(CadenceCards.RunStarted(cadence!.Name, run.RunId), cancellationToken));
    }

    private async Task SetActiveAsync(CardRequest request, bool active, CancellationToken cancellationToken)
    {
        if (!cadences.IsHr(request.UserId))
        {
            await request.Turn.SendCardAsync(CadenceCards.HrOnly(), cancellationToken);
            return;
        }
        if (await cadences.SetActiveAsync(request.UserId, request.Id("cadenceId"), active, cancellationToken) is null)
            await request.Turn.SendTextAsync("That cadence no longer exists (or is already in that state).", cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, await ListCardAsync(request.UserId, cancellationToken), cancellationToken);
    }

    private async Task<Cards.AdaptiveCard> ListCardAsync(string userId, CancellationToken cancellationToken) =>
        await cadences.ListAsync(userId, cancellationToken) is { } list ? CadenceCards.List(list) : CadenceCards.HrOnly();
}
