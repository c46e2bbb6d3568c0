namespace CheckinBot.Core.Org;

/// <summary>Where the org chart comes from (Microsoft Graph): everyone on the first round, only changes afterwards.</summary>
public interface IOrgChartSource
{
    /// <summary>Changes since <paramref name="syncToken"/> (null = everyone), page by page.</summary>
    IAsyncEnumerable<OrgChartPage> ReadChangesAsync(string? syncToken, CancellationToken cancellationToken);

    /// <summary>Point lookups for people the cache does not know yet; unknown ids are left out.</summary>
    Task<IReadOnlyList<Person>> GetPeopleAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
