namespace CheckinBot.Core.GrowthLog;

/// <summary>
/// Erases a person's rows from one store: each store that keeps anything of a person (their log, indexes and outbox
/// entries pointing into it) implements it for its own rows, and an erasure runs them all in registration order.
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>Returns how many of the person's records went (pointers to them do not count).</summary>
    Task<int> EraseAsync(string userId, CancellationToken cancellationToken);
}
