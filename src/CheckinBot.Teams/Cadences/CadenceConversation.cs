using CheckinBot.Core.Cadences;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Org;
using CheckinBot.Core.Registrations;
using CheckinBot.Core.Runs;
using CheckinBot.Teams.Bot;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Cadences;

/// <summary>
/// <c>cadences</c> for HR: the list with next run times and the last run's progress; create, edit, pause, resume,
/// delete and run now. Everyone else gets a polite "HR only".
/// </summary>
public sealed class CadenceConversation(
    CadenceService cadences, RunService runs, IChatRegistrationStore registrations, IOrgDirectory directory,
    Core.Cadences.Preview.CadencePreviewService previews, TimeProvider timeProvider) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Cadences, async (r, ct) => await r.Turn.SendCardAsync(await ListCardAsync(r.UserId, ct), ct))
        .Verb(CadenceCards.PauseVerb, (r, ct) => HrOnlyAsync(r, () => SetActiveAsync(r, active: false, ct), ct))
        .Verb(CadenceCards.ResumeVerb, (r, ct) => HrOnlyAsync(r, () => SetActiveAsync(r, active: true, ct), ct))
        .Verb(CadenceCards.RunVerb, (r, ct) => HrOnlyAsync(r, () => AskToRunAsync(r, ct), ct))
        .Verb(CadenceCards.ConfirmRunVerb, (r, ct) => HrOnlyAsync(r, () => RunNowAsync(r, force: false, ct), ct))
        .Verb(CadenceCards.RerunVerb, (r, ct) => HrOnlyAsync(r, () => RunNowAsync(r, force: true, ct), ct))
        .Verb(CadenceCards.NewVerb, (r, ct) => HrOnlyAsync(r, () => NewAsync(r, ct), ct))
        .Verb(CadenceCards.EditVerb, (r, ct) => HrOnlyAsync(r, () => EditAsync(r, ct), ct))
        .Verb(CadenceCards.SaveVerb, (r, ct) => HrOnlyAsync(r, () => SaveAsync(r, ct), ct))
        .Verb(CadenceCards.DeleteVerb, (r, ct) => HrOnlyAsync(r, () => AskToDeleteAsync(r, ct), ct))
        .Verb(CadenceCards.ConfirmDeleteVerb, (r, ct) => HrOnlyAsync(r, () => DeleteAsync(r, ct), ct))
        .Verb(CadenceCards.FailuresVerb, (r, ct) => HrOnlyAsync(r, () => FailuresAsync(r, ct), ct))
        .Verb(CadenceCards.PreviewVerb, (r, ct) => HrOnlyAsync(r, () => PreviewAsync(r, ct), ct));

    /// <summary>The next four weeks, counts only (the admin API has the people).</summary>
    private async Task PreviewAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (await previews.PreviewAsync(request.Id("cadenceId"), new(today, today.AddDays(27), Page: 1, PageSize: 1), cancellationToken) is { } preview)
            await request.Turn.SendCardAsync(CadenceCards.Preview(preview), cancellationToken);
        else
            await request.Turn.SendTextAsync("That cadence no longer exists.", cancellationToken);
    }

    private async Task HrOnlyAsync(CardRequest request, Func<Task> action, CancellationToken cancellationToken)
    {
        if (await cadences.IsHrAsync(request.UserId, cancellationToken))
            await action();
        else
            await request.Turn.SendCardAsync(CadenceCards.HrOnly(), cancellationToken);
    }

    private async Task NewAsync(CardRequest request, CancellationToken cancellationToken)
    {
        await request.Turn.SendCardAsync(CadenceCards.Form(CadenceForm.New(await ZoneOfAsync(request.UserId, cancellationToken)), cadenceId: null, errors: []), cancellationToken);
    }

    private async Task EditAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (await cadences.FindAsync(request.UserId, request.Id("cadenceId"), cancellationToken) is { } cadence)
            await request.Turn.SendCardAsync(CadenceCards.Form(CadenceForm.From(cadence), cadence.Id, errors: []), cancellationToken);
        else
            await request.Turn.SendTextAsync("That cadence no longer exists.", cancellationToken);
    }

    /// <summary>A rejected save shows the same card again with what was typed and what to fix; a good one replaces it.</summary>
    private async Task SaveAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var cadenceId = request.Id("cadenceId") is { Length: > 0 } id ? id : null;
        var form = CadenceForm.From(request);
        var basis = cadenceId is null ? null : await cadences.FindAsync(request.UserId, cadenceId, cancellationToken);
        var (cadence, unreadable) = form.ToCadence(basis);
        var (saved, errors) = unreadable.Count > 0 ? (null, unreadable) : await cadences.SaveAsync(request.UserId, cadence, cadenceId, cancellationToken);
        var card = saved is null
            ? CadenceCards.Form(form, cadenceId, errors.Values)
            : CadenceCards.Saved(saved, CadenceCalendar.Next(saved.Schedule, null, timeProvider.GetUtcNow()));
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, card, cancellationToken);
    }

    private async Task AskToDeleteAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (await cadences.FindAsync(request.UserId, request.Id("cadenceId"), cancellationToken) is { } cadence)
            await request.Turn.SendCardAsync(CadenceCards.ConfirmDelete(cadence), cancellationToken);
        else
            await request.Turn.SendTextAsync("That cadence no longer exists.", cancellationToken);
    }

    private async Task DeleteAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var deleted = await cadences.DeleteAsync(request.UserId, request.Id("cadenceId"), cancellationToken);
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
        (await registrations.FindAsync(userId, cancellationToken))?.TimeZone ?? "UTC";

    private async Task SetActiveAsync(CardRequest request, bool active, CancellationToken cancellationToken)
    {
        if (await cadences.SetActiveAsync(request.UserId, request.Id("cadenceId"), active, cancellationToken) is null)
            await request.Turn.SendTextAsync("That cadence no longer exists (or is already in that state).", cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, await ListCardAsync(request.UserId, cancellationToken), cancellationToken);
    }

    private async Task<AdaptiveCard> ListCardAsync(string userId, CancellationToken cancellationToken)
    {
        if (await cadences.ListAsync(userId, cancellationToken) is not { } list)
            return CadenceCards.HrOnly();
        var latest = new Dictionary<string, (string RunId, RunProgress Progress)>();
        foreach (var summary in list)
        {
            if (await runs.LatestRunAsync(summary.Cadence.Id, cancellationToken) is { } run)
                latest[summary.Cadence.Id] = run;
        }
        return CadenceCards.List(list, latest);
    }
}
