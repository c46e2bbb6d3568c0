using CheckinBot.Core;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Commands;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.QuestionSets;

/// <summary>
/// <c>question sets</c> for HR: the list with the cadences asking each, one set's questions, editing (every save a new
/// version), a new set, retiring one no cadence asks. The same rules as the admin API (<see cref="QuestionSetService"/>,
/// <see cref="QuestionSetValidation"/>); everyone else gets a polite "HR only".
/// </summary>
public sealed class QuestionSetConversation(QuestionSetService sets, CadenceService cadences, ICadenceStore cadenceStore) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.QuestionSets, (r, ct) => HrOnlyAsync(r.Turn, r.UserId, () => ListAsync(r.Turn, ct), ct))
        .Verb(QuestionSetCards.ViewVerb, (r, ct) => HrOnlyAsync(r.Turn, r.UserId, () => ViewAsync(r, ct), ct))
        .Verb(QuestionSetCards.EditVerb, (r, ct) => HrOnlyAsync(r.Turn, r.UserId, () => EditAsync(r, ct), ct))
        .Verb(QuestionSetCards.NewVerb, (r, ct) => HrOnlyAsync(r.Turn, r.UserId, () => r.Turn.SendCardAsync(QuestionSetCards.Form(QuestionSetForm.New(), null, []), ct), ct))
        .Verb(QuestionSetCards.SaveVerb, (r, ct) => HrOnlyAsync(r.Turn, r.UserId, () => SaveAsync(r, ct), ct))
        .Verb(QuestionSetCards.RetireVerb, (r, ct) => HrOnlyAsync(r.Turn, r.UserId, () => RetireAsync(r, ct), ct));

    private async Task HrOnlyAsync(TurnContext turn, string userId, Func<Task> action, CancellationToken cancellationToken)
    {
        if (await cadences.IsHrAsync(userId, cancellationToken))
            await action();
        else
            await turn.SendCardAsync(QuestionSetCards.HrOnly(), cancellationToken);
    }

    private async Task ListAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(QuestionSetCards.List(await sets.ListAsync(cancellationToken), await UsedByAsync(cancellationToken)), cancellationToken);

    private async Task ViewAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (await sets.FindAsync(request.Id("setId"), cancellationToken) is { } set)
            await request.Turn.SendCardAsync(QuestionSetCards.View(set, (await UsedByAsync(cancellationToken)).GetValueOrDefault(set.Id) ?? []), cancellationToken);
        else
            await request.Turn.SendTextAsync(Gone, cancellationToken);
    }

    private async Task EditAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (await sets.FindAsync(request.Id("setId"), cancellationToken) is { } set)
            await request.Turn.SendCardAsync(QuestionSetCards.Form(QuestionSetForm.From(set), set, []), cancellationToken);
        else
            await request.Turn.SendTextAsync(Gone, cancellationToken);
    }

    /// <summary>
    /// A refused save shows the card again with what was typed and each problem; a good one replaces it. An edit is
    /// read against the version the card showed (its question count), so questions added meanwhile are not lost.
    /// </summary>
    private async Task SaveAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var setId = request.Id("setId") is { Length: > 0 } id ? id : null;
        var basis = setId is null ? null : await sets.FindAsync(setId, cancellationToken);
        if (setId is not null && basis is null)
        {
            await request.Turn.SendTextAsync(Gone, cancellationToken);
            return;
        }
        var form = QuestionSetForm.From(request, basis?.Questions.Count ?? 0);
        var document = form.ToDocument(basis?.Id ?? await FreeIdAsync(form[QuestionSetForm.Name], cancellationToken), basis);
        var errors = QuestionSetValidation.Validate(document);
        var saved = errors.Count > 0 ? null
            : basis is null ? await sets.CreateAsync(document, cancellationToken) : await sets.SaveAsync(basis.Id, document, cancellationToken);
        var card = saved is not null
            ? QuestionSetCards.Saved(saved)
            : QuestionSetCards.Form(form, basis, errors.Count > 0 ? errors.Values.SelectMany(e => e) : ["Someone saved a set with that name at the same moment: change the name and save again."]);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, card, cancellationToken);
    }

    private async Task RetireAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var set = await sets.FindAsync(request.Id("setId"), cancellationToken);
        if (set is null)
        {
            await request.Turn.SendTextAsync(Gone, cancellationToken);
            return;
        }
        var (retired, usedBy) = await sets.RetireAsync(set.Id, cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId,
            retired is not null ? QuestionSetCards.Retired(retired) : QuestionSetCards.RetireRefused(set.Name, usedBy), cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UsedByAsync(CancellationToken cancellationToken) =>
        (await cadenceStore.ListAsync(cancellationToken))
            .SelectMany(c => c.QuestionSetIds.Distinct().Select(set => (Set: set, c.Name)))
            .GroupBy(x => x.Set, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Name).Order(StringComparer.OrdinalIgnoreCase)], StringComparer.Ordinal);

    /// <summary>"Quarterly review" → quarterly-review, or quarterly-review-2 when that id is taken (retired sets too).</summary>
    private Task<string> FreeIdAsync(string? name, CancellationToken cancellationToken) =>
        IdSlug.FirstFreeAsync(IdSlug.From(name, 36, "question-set"), async id => await sets.FindAsync(id, cancellationToken) is not null);

    private const string Gone = "That question set no longer exists.";
}
