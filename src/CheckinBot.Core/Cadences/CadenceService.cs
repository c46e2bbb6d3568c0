using CheckinBot.Core.CheckIns;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// The one write path for cadences, used by HR's chat and the admin API alike: list with next run, create, update,
/// pause, resume and delete, each validated against the stored question sets. Who may call it is decided by the
/// caller's gate (the chat's HR-only routes, the admin API's policy), not here.
/// </summary>
public sealed class CadenceService(ICadenceStore store, IQuestionSetStore questionSets, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<CadenceSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return [.. (await store.ListAsync(cancellationToken))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CadenceSummary(c, c.Active ? CadenceCalendar.Next(c.Schedule, null, now) : null))];
    }

    public Task<Cadence?> FindAsync(string cadenceId, CancellationToken cancellationToken) => store.FindAsync(cadenceId, cancellationToken);

    /// <summary>
    /// A new cadence under its own id, or, with none (chat), under an id made from its name; <see cref="SaveOutcome.Exists"/>
    /// when the id is taken.
    /// </summary>
    public async Task<SaveResult<Cadence>> CreateAsync(Cadence cadence, CancellationToken cancellationToken)
    {
        var candidate = cadence with { Id = string.IsNullOrWhiteSpace(cadence.Id) ? await FreeIdAsync(cadence.Name, cancellationToken) : cadence.Id, Version = null };
        if (await ValidateAsync(candidate, cancellationToken) is { Count: > 0 } errors)
            return new SaveResult<Cadence>(errors);
        return await store.TrySaveAsync(candidate, cancellationToken) ? new SaveResult<Cadence>(candidate) : new SaveResult<Cadence>(SaveOutcome.Exists);
    }

    /// <summary>Replaces the cadence <paramref name="cadenceId"/> (at the version read now): gone, invalid or changed meanwhile save nothing.</summary>
    public async Task<SaveResult<Cadence>> UpdateAsync(string cadenceId, Cadence cadence, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(cadenceId, cancellationToken) is not { } existing)
            return new SaveResult<Cadence>(SaveOutcome.Gone);
        var candidate = cadence with { Id = existing.Id, Version = existing.Version };
        if (await ValidateAsync(candidate, cancellationToken) is { Count: > 0 } errors)
            return new SaveResult<Cadence>(errors);
        return await store.TrySaveAsync(candidate, cancellationToken) ? new SaveResult<Cadence>(candidate) : new SaveResult<Cadence>(SaveOutcome.Conflict);
    }

    /// <summary>What is wrong with a definition, by field (<see cref="CadenceValidation"/> against the stored question sets and now).</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(Cadence cadence, CancellationToken cancellationToken)
    {
        // A retired set is as good as none: no new cadence may ask it.
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in cadence.QuestionSetIds.Distinct())
        {
            if (await questionSets.FindLatestOrBuiltInAsync(id ?? "", cancellationToken) is { Retired: false } set)
                known.Add(set.Id);
        }
        return CadenceValidation.Validate(cadence, known, timeProvider.GetUtcNow()).ToDictionary(e => e.Key, e => new[] { e.Value });
    }

    /// <summary>Deletes a cadence; false when it was already gone.</summary>
    public Task<bool> DeleteAsync(string cadenceId, CancellationToken cancellationToken) => store.DeleteAsync(cadenceId, cancellationToken);

    /// <summary>Pauses or resumes a cadence; null when the cadence is gone or already so.</summary>
    public Task<Cadence?> SetActiveAsync(string cadenceId, bool active, CancellationToken cancellationToken) =>
        OptimisticUpdate.RunAsync(
            () => store.FindAsync(cadenceId, cancellationToken),
            c => c is null || c.Active == active ? null : c with { Active = active },
            next => store.TrySaveAsync(next, cancellationToken),
            $"Cadence {cadenceId}");

    /// <summary>"Weekly growth check-in" → weekly-growth-check-in, or weekly-growth-check-in-2 when that is taken.</summary>
    private Task<string> FreeIdAsync(string name, CancellationToken cancellationToken) =>
        IdSlug.FirstFreeAsync(IdSlug.From(name, 56, "cadence"), async id => await store.FindAsync(id, cancellationToken) is not null);
}
