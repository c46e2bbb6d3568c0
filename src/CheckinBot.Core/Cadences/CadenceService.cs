using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.Cadences;

/// <summary>HR's cadences in chat: list with next run, create, edit, pause, resume and delete. Only HR admins may use it.</summary>
public sealed class CadenceService(ICadenceStore store, IQuestionSetStore questionSets, HrAdmins hr, TimeProvider timeProvider)
{
    public Task<bool> IsHrAsync(string userId, CancellationToken cancellationToken) => hr.IsAdminAsync(userId, cancellationToken);

    public async Task<IReadOnlyList<CadenceSummary>?> ListAsync(string userId, CancellationToken cancellationToken)
    {
        if (!await IsHrAsync(userId, cancellationToken))
            return null;
        var now = timeProvider.GetUtcNow();
        return [.. (await store.ListAsync(cancellationToken))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CadenceSummary(c, c.Active ? CadenceCalendar.Next(c.Schedule, null, now) : null))];
    }

    public async Task<Cadence?> FindAsync(string userId, string cadenceId, CancellationToken cancellationToken) =>
        await IsHrAsync(userId, cancellationToken) ? await store.FindAsync(cadenceId, cancellationToken) : null;

    /// <summary>
    /// Creates (no <paramref name="existingId"/>: the id comes from the name) or changes a cadence. Returns the problems
    /// by field when it is not valid, the cadence was changed meanwhile, or it is gone; nothing is saved then.
    /// </summary>
    public async Task<(Cadence? Saved, IReadOnlyDictionary<string, string> Errors)> SaveAsync(
        string userId, Cadence cadence, string? existingId, CancellationToken cancellationToken)
    {
        if (!await IsHrAsync(userId, cancellationToken))
            return (null, new Dictionary<string, string> { ["hr"] = "Cadences are managed by HR." });
        var existing = existingId is null ? null : await store.FindAsync(existingId, cancellationToken);
        if (existingId is not null && existing is null)
            return (null, new Dictionary<string, string> { ["id"] = "That cadence was deleted meanwhile." });
        var candidate = cadence with { Id = existing?.Id ?? await FreeIdAsync(cadence.Name, cancellationToken), Version = existing?.Version };
        var errors = await ValidateAsync(candidate, cancellationToken);
        if (errors.Count > 0)
            return (null, errors);
        return await store.TrySaveAsync(candidate, cancellationToken)
            ? (candidate, errors)
            : (null, new Dictionary<string, string> { ["id"] = "Someone changed this cadence at the same moment: open it again and redo your change." });
    }

    /// <summary>What is wrong with a definition, by field (<see cref="CadenceValidation"/> against the stored question sets and now).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ValidateAsync(Cadence cadence, CancellationToken cancellationToken)
    {
        // A retired set is as good as none: no new cadence may ask it.
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in cadence.QuestionSetIds.Distinct())
        {
            if (await questionSets.FindLatestOrBuiltInAsync(id ?? "", cancellationToken) is { Retired: false } set)
                known.Add(set.Id);
        }
        return CadenceValidation.Validate(cadence, known, timeProvider.GetUtcNow());
    }

    /// <summary>Deletes a cadence; false when the person is not HR or it was already gone.</summary>
    public async Task<bool> DeleteAsync(string userId, string cadenceId, CancellationToken cancellationToken) =>
        await IsHrAsync(userId, cancellationToken) && await store.DeleteAsync(cadenceId, cancellationToken);

    /// <summary>Pauses or resumes a cadence; null when the person is not HR or the cadence is gone.</summary>
    public async Task<Cadence?> SetActiveAsync(string userId, string cadenceId, bool active, CancellationToken cancellationToken) =>
        !await IsHrAsync(userId, cancellationToken) ? null : await OptimisticUpdate.RunAsync(
            () => store.FindAsync(cadenceId, cancellationToken),
            c => c is null || c.Active == active ? null : c with { Active = active },
            next => store.TrySaveAsync(next, cancellationToken),
            $"Cadence {cadenceId}");

    /// <summary>"Weekly growth check-in" → weekly-growth-check-in, or weekly-growth-check-in-2 when that is taken.</summary>
    private Task<string> FreeIdAsync(string name, CancellationToken cancellationToken) =>
        IdSlug.FirstFreeAsync(IdSlug.From(name, 56, "cadence"), async id => await store.FindAsync(id, cancellationToken) is not null);
}
