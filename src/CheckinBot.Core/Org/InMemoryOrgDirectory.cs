namespace CheckinBot.Core.Org;

/// <summary>A directory held in memory: the <c>File</c> source (the org CSV), small by nature.</summary>
public sealed class InMemoryOrgDirectory(IEnumerable<Person> people) : IOrgDirectory
{
    private readonly Dictionary<string, Person> _people = people.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);

    public int Count => _people.Count;

    public Task<Person?> FindAsync(string personId, CancellationToken cancellationToken) =>
        Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<IReadOnlyList<Person>> DirectReportsAsync(string managerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Person>>([.. _people.Values
            .Where(p => string.Equals(p.ManagerId, managerId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)]);

    public async IAsyncEnumerable<Person> ListEveryoneAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var person in _people.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return person;
        }
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<Person>> SearchAsync(string text, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Person>>([.. _people.Values
            .Where(p => p.Enabled && PersonNames.Matches(p, text))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Take(max)]);
}
