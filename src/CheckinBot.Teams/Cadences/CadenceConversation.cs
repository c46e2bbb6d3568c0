using CheckinBot.Core;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Org;
using CheckinBot.Core.Runs;
using CheckinBot.Teams.Bot;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Cadences;

/// <summary>
/// <c>cadences</c> for HR: the list with next run times and the last run's progress; create, edit, pause, resume,
/// delete and run now. Everyone else gets a polite "HR only".
/// </summary>
public sealed class CadenceConversation(
    CadenceService cadences, RunService runs, PersonZones zones, IOrgDirectory directory,
    Core.Cadences.Preview.CadencePreviewService previews, Core.Fatigue.FatigueService fatigue, TimeProvider timeProvider) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .HrCommand(ChatCommandKind.Cadences, async (r, ct) => await r.Turn.SendCardAsync(await ListCardAsync(ct), ct))
        .HrVerb(CadenceCards.PauseVerb, (r, ct) => SetActiveAsync(r, active: false, ct))
        .HrVerb(CadenceCards.ResumeVerb, (r, ct) => SetActiveAsync(r, active: true, ct))
        .HrVerb(CadenceCards.RunVerb, AskToRunAsync)
        .HrVerb(CadenceCards.ConfirmRunVerb, (r, ct) => RunNowAsync(r, force: false, ct))
        .HrVerb(CadenceCards.RerunVerb, (r, ct) => RunNowAsync(r, force: true, ct))
        .HrVerb(CadenceCards.NewVerb, NewAsync)
        .HrVerb(CadenceCards.EditVerb, EditAsync)
        .HrVerb(CadenceCards.SaveVerb, SaveAsync)
        .HrVerb(CadenceCards.DeleteVerb, AskToDeleteAsync)
        .HrVerb(CadenceCards.ConfirmDeleteVerb, DeleteAsync)
        .HrVerb(CadenceCards.FailuresVerb, FailuresAsync)
        .HrVerb(CadenceCards.PreviewVerb, PreviewAsync);

    /// <summary>The next four weeks, counts only (the admin API has the people).</summary>
    private async Task PreviewAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (await previews.PreviewAsync(request.Id("cadenceId"), new(today, today.AddDays(27), Page: 1, PageSize: 1), cancellationToken) is { } preview)
            await request.Turn.SendCardAsync(CadenceCards.Preview(preview), cancellationToken);
        else
            await request.Turn.SendTextAsync("That cadence no longer exists.", cancellationToken);
    }

    private async Task NewAsync(CardRequest request, CancellationToken cancellationToken)
    {
        await request.Turn.SendCardAsync(CadenceCards.Form(CadenceForm.New(await ZoneOfAsync(request.UserId, cancellationToken)), cadenceId: null, errors: []), cancellationToken);
    }

    private async Task EditAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (await cadences.FindAsync(request.Id("cadenceId"), cancellationToken) is { } cadence)
            await request.Turn.SendCardAsync(CadenceCards.Form(CadenceForm.From(cadence), cadence.Id, errors: []), cancellationToken);
        else
            await request.Turn.SendTextAsync("That cadence no longer exists.", cancellationToken);
    }

    /// <summary>A rejected save shows the same card again with what was typed and what to fix; a good one replaces it.</summary>
    private async Task SaveAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var cadenceId = request.Id("cadenceId") is { Length: > 0 } id ? id : null;
        var form = CadenceForm.From(request);
        var basis = cadenceId is null ? null : await cadences.FindAsync(cadenceId, cancellationToken);
        var (cadence, unreadable) = form.ToCadence(basis);
        var result = unreadable.Count > 0 ? null
            : cadenceId is null ? await cadences.CreateAsync(cadence, cancellationToken)
            : await cadences.UpdateAsync(cadenceId, cadence, cancellationToken);
        var card = result?.Saved is { } saved
            ? CadenceCards.Saved(saved, CadenceCalendar.Next(saved.Schedule, null, timeProvider.GetUtcNow()))
            : CadenceCards.Form(form, cadenceId, result is null ? unreadable.Values : Problems(result));
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, card, cancellationToken);
    }

    private static IEnumerable<string> Problems(SaveResult<Cadence> result) => result.Outcome switch
    {
        SaveOutcome.Gone => ["That cadence was deleted meanwhile."],
        SaveOutcome.Conflict => ["Someone changed this cadence at the same moment: open it again and redo your change."],
        SaveOutcome.Exists => ["Someone saved a cadence with that name at the same moment: change the name and save again."],
        _ => result.Errors.Values.SelectMany(e => e),
    };

    private async Task AskToDeleteAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (await cadences.FindAsync(request.Id("cadenceId"), cancellationToken) is { } cadence)
            await request.Turn.SendCardAsync(CadenceCards.ConfirmDelete(cadence), cancellationToken);
        else
            await request.Turn.SendTextAsync("That cadence no longer exists.", cancellationToken);
    }

    private async Task DeleteAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var deleted = await cadences.DeleteAsync(request.Id("cadenceId"), cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, new AdaptiveCard(
            [new TextBlock(deleted ? "Deleted. Type **cadences** to see the rest." : "That cadence was already gone.")]), cancellationToken);
    }

    private async Task FailuresAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var failures = new List<(string, string)>();
        foreach (var letter in await runs.DeadLettersAsync(request.Id("runId"), cancellationToken) ?? [])
            failures.Add(((await directory.FindAsync(letter.UserId, cancellationToken))?.Name ?? letter.UserId, letter.Reason ?? "failed"));
        await request.Turn.SendCardAsync(CadenceCards.Failures(failures), cancellationToken);
    }

    /// <summary>"Run … now" asks first, with the audience's size (and, after a recent run, when that one went out).</summary>
    private async Task AskToRunAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var answer = await runs.AskAsync(request.Id("cadenceId"), cancellationToken);
        await request.Turn.SendCardAsync(answer.Outcome == RunNowOutcome.NeedsConfirmation
            ? CadenceCards.ConfirmRun(answer, await ZoneOfAsync(request.UserId, cancellationToken))
            : CadenceCards.RunNotStarted(answer), cancellationToken);
    }

    /// <summary>The confirmation: the card is replaced by what happened, so it cannot be clicked into a second run.</summary>
    private async Task RunNowAsync(CardRequest request, bool force, CancellationToken cancellationToken)
    {
        var answer = await runs.StartAsync(request.Id("cadenceId"), request.Id("runId") is { Length: > 0 } runId ? runId : null, force, cancellationToken);
        var card = answer.Outcome switch
        {
            RunNowOutcome.Started => CadenceCards.RunStarted(answer.Cadence!.Name, answer.RunId!, answer.Audience),
            RunNowOutcome.NeedsConfirmation => CadenceCards.ConfirmRun(answer, await ZoneOfAsync(request.UserId, cancellationToken)),
            _ => CadenceCards.RunNotStarted(answer),
        };
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, card, cancellationToken);
    }

    private async Task<string> ZoneOfAsync(string userId, CancellationToken cancellationToken) =>
        await zones.FindAsync(userId, person: null, cancellationToken) ?? "UTC";

    private async Task SetActiveAsync(CardRequest request, bool active, CancellationToken cancellationToken)
    {
        if (await cadences.SetActiveAsync(request.Id("cadenceId"), active, cancellationToken) is null)
            await request.Turn.SendTextAsync("That cadence no longer exists (or is already in that state).", cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, await ListCardAsync(cancellationToken), cancellationToken);
    }

    private async Task<AdaptiveCard> ListCardAsync(CancellationToken cancellationToken)
    {
        var list = await cadences.ListAsync(cancellationToken);
        var latest = new Dictionary<string, (string RunId, RunProgress Progress)>();
        foreach (var summary in list)
        {
            if (await runs.LatestRunAsync(summary.Cadence.Id, cancellationToken) is { } run)
                latest[summary.Cadence.Id] = run;
        }
        return CadenceCards.List(list, latest, await fatigue.LighterByCadenceAsync(cancellationToken));
    }
}
