namespace CheckinBot.Core.Org;

/// <summary>Who reports to whom: read at the moment a decision needs it, so a manager change takes effect at once.</summary>
public interface IOrgDirectory
{
    Task<Person?> FindAsync(string personId, CancellationToken cancellationToken);

    /// <summary>People whose manager is <paramref name="managerId"/> now.</summary>
    Task<IReadOnlyList<Person>> DirectReportsAsync(string managerId, CancellationToken cancellationToken);

    /// <summary>Enabled people whose name (any word of it) starts with <paramref name="text"/>, best matches first.</summary>
    Task<IReadOnlyList<Person>> SearchAsync(string text, int max, CancellationToken cancellationToken);

    /// <summary>Everyone the directory knows, streamed (an audience of 100,000 is never held in memory at once).</summary>
    IAsyncEnumerable<Person> ListEveryoneAsync(CancellationToken cancellationToken);
}
