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
public sealed class QuestionSetConversation(QuestionSetService sets) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .HrCommand(ChatCommandKind.QuestionSets, (r, ct) => ListAsync(r.Turn, ct))
        .HrVerb(QuestionSetCards.ViewVerb, ViewAsync)
        .HrVerb(QuestionSetCards.EditVerb, EditAsync)
        .HrVerb(QuestionSetCards.NewVerb, (r, ct) => r.Turn.SendCardAsync(QuestionSetCards.Form(QuestionSetForm.New(), null, []), ct))
        .HrVerb(QuestionSetCards.SaveVerb, SaveAsync)
        .HrVerb(QuestionSetCards.RetireVerb, RetireAsync);

    private async Task ListAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(QuestionSetCards.List(await sets.ListAsync(cancellationToken), await sets.UsedByAsync(cancellationToken)), cancellationToken);

    private async Task ViewAsync(CardRequest request, CancellationToken cancellationToken)
    {
        if (await sets.FindAsync(request.Id("setId"), cancellationToken) is { } set)
            await request.Turn.SendCardAsync(QuestionSetCards.View(set, (await sets.UsedByAsync(cancellationToken)).GetValueOrDefault(set.Id) ?? []), cancellationToken);
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
        var document = form.ToDocument(basis?.Id ?? await sets.FreeIdAsync(form[QuestionSetForm.Name], cancellationToken), basis);
        var result = basis is null ? await sets.CreateAsync(document, cancellationToken) : await sets.SaveAsync(basis.Id, document, cancellationToken);
        var card = result.Outcome switch
        {
            SaveOutcome.Saved => QuestionSetCards.Saved(result.Saved!),
            SaveOutcome.Invalid => QuestionSetCards.Form(form, basis, result.Errors.Values.SelectMany(e => e)),
            SaveOutcome.Gone => QuestionSetCards.Form(form, basis, [Gone]),
            _ => QuestionSetCards.Form(form, basis, ["Someone saved a set with that name at the same moment: change the name and save again."]),
        };
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

    private const string Gone = "That question set no longer exists.";
}
