using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.QuestionSets;

/// <summary>
/// HR's question sets: every save is a new version (a check-in in progress keeps the version it started with, a
/// cadence always asks the latest), retiring is a last version marked retired, and a set a cadence names cannot be
/// retired. Versions are added, never overwritten, so two HR admins saving at once get consecutive versions.
/// </summary>
public sealed class QuestionSetService(IQuestionSetStore store, ICadenceStore cadences)
{
    public async Task<IReadOnlyList<QuestionSet>> ListAsync(CancellationToken cancellationToken)
    {
        var sets = await store.ListLatestAsync(cancellationToken);
        return sets.Any(s => s.Id == QuestionSet.DefaultId) ? sets : [QuestionSet.Default, .. sets];
    }

    /// <summary>The latest version; the built-in default stands in for a store that has not been seeded (as for check-ins).</summary>
    public Task<QuestionSet?> FindAsync(string id, CancellationToken cancellationToken) => store.FindLatestOrBuiltInAsync(id, cancellationToken);

    /// <summary>Version 1 of a new set; <see cref="SaveOutcome.Exists"/> when a set with that id exists (retired ones too: ids are not reused).</summary>
    public async Task<SaveResult<QuestionSet>> CreateAsync(QuestionSetDocument document, CancellationToken cancellationToken)
    {
        if (QuestionSetValidation.Validate(document) is { Count: > 0 } errors)
            return new SaveResult<QuestionSet>(errors);
        var set = document.ToQuestionSet(1);
        return await store.TryAddVersionAsync(set, cancellationToken) ? new SaveResult<QuestionSet>(set) : new SaveResult<QuestionSet>(SaveOutcome.Exists);
    }

    /// <summary>The next version of an existing set (a retired one comes back); <see cref="SaveOutcome.Gone"/> when there is no such set.</summary>
    public async Task<SaveResult<QuestionSet>> SaveAsync(string id, QuestionSetDocument document, CancellationToken cancellationToken)
    {
        if (QuestionSetValidation.Validate(document) is { Count: > 0 } errors)
            return new SaveResult<QuestionSet>(errors);
        return await AddVersionAsync(id, latest => document.ToQuestionSet(latest.Version + 1) with { Id = latest.Id }, cancellationToken) is { } saved
            ? new SaveResult<QuestionSet>(saved)
            : new SaveResult<QuestionSet>(SaveOutcome.Gone);
    }

    /// <summary>Retires a set no cadence names; the names of those that do when some do.</summary>
    public async Task<(QuestionSet? Retired, IReadOnlyList<string> UsedBy)> RetireAsync(string id, CancellationToken cancellationToken)
    {
        var usedBy = (await UsedByAsync(cancellationToken)).GetValueOrDefault(id) ?? [];
        if (usedBy.Count > 0 || id == QuestionSet.DefaultId)
            return (null, usedBy.Count > 0 ? usedBy : ["every cadence that names no set"]);
        return (await AddVersionAsync(id, latest => latest with { Version = latest.Version + 1, Retired = true }, cancellationToken), []);
    }

    /// <summary>Which cadences ask each set, by set id (names in name order).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UsedByAsync(CancellationToken cancellationToken) =>
        (await cadences.ListAsync(cancellationToken))
            .SelectMany(c => c.QuestionSetIds.Distinct().Select(set => (Set: set, c.Name)))
            .GroupBy(x => x.Set, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Name).Order(StringComparer.OrdinalIgnoreCase)], StringComparer.Ordinal);

    /// <summary>The id for a set named in chat: "Quarterly review" → quarterly-review, or quarterly-review-2 when that id is taken (retired sets too).</summary>
    public Task<string> FreeIdAsync(string? name, CancellationToken cancellationToken) =>
        IdSlug.FirstFreeAsync(IdSlug.From(name, 36, "question-set"), async id => await FindAsync(id, cancellationToken) is not null);

    /// <summary>Another save taking the same version number makes ours the one after it.</summary>
    private Task<QuestionSet?> AddVersionAsync(string id, Func<QuestionSet, QuestionSet> next, CancellationToken cancellationToken) =>
        OptimisticUpdate.RetryAsync<QuestionSet?>(async () =>
        {
            if (await FindAsync(id, cancellationToken) is not { } latest)
                return (true, null);
            var version = next(latest);
            return (await store.TryAddVersionAsync(version, cancellationToken), version);
        }, $"Question set {id}");
}
