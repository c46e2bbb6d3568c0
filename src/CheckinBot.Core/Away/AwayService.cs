using System.Collections.Concurrent;
using CheckinBot.Core.CheckIns;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Away;

/// <summary>
/// Whether someone is away: what they said in chat (<see cref="CheckinPreferences.AwayUntil"/>) first, else their
/// Outlook automatic replies. Outlook is read in batches (<see cref="PrefetchAsync"/> for a run's chunk), each answer
/// remembered for <see cref="RememberedFor"/>, so a person is read about once per run. A refused or failing read means
/// "not known to be away": it is logged once and Outlook is left alone for <see cref="PauseAfterFailure"/>.
/// </summary>
public sealed partial class AwayService(
    ICheckinStore store, IAutomaticReplies automaticReplies, Org.TurnBound turnBound, TimeProvider timeProvider, ILogger<AwayService> logger)
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromHours(3);
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (AwayPeriod? Period, DateTimeOffset ReadAt)> _remembered = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>The person's away period that covers now or is still to come; null when they are not known to be away.</summary>
    public async Task<AwayPeriod?> FindAsync(string userId, CancellationToken cancellationToken) =>
        await FindAsync(userId, await store.FindPreferencesAsync(userId, cancellationToken), cancellationToken);

    /// <summary><see cref="FindAsync(string, CancellationToken)"/> with their preferences already read (a run's send reads them anyway).</summary>
    public async Task<AwayPeriod?> FindAsync(string userId, CheckinPreferences? preferences, CancellationToken cancellationToken) =>
        Said(preferences) ?? (await ReadAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    /// <summary>Reads, in batches, the automatic replies of those not read lately, so the sends that follow find them remembered.</summary>
    public Task PrefetchAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) => ReadAsync(userIds, cancellationToken);

    /// <summary>
    /// On a turn (<c>team</c>, <c>back</c>, the My team view): reads Outlook for these people but waits at most the turn's
    /// bound (<c>Graph:TurnLookupTimeout</c>); past it the read goes on in the background and fills the memory for the
    /// next turn. Then <see cref="FindKnown"/> answers without asking anyone.
    /// </summary>
    public async Task PrefetchWithinTurnAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await turnBound.WaitAsync(ReadAsync(userIds, CancellationToken.None), timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>What they said, else Outlook's answer as remembered: no call to anyone.</summary>
    public AwayPeriod? FindKnown(string userId, CheckinPreferences? preferences) => Said(preferences) ?? Remembered(userId);

    /// <summary>What is known without asking anyone: a remembered Outlook answer, for the preview of a whole audience.</summary>
    public AwayPeriod? Remembered(string userId) =>
        _remembered.TryGetValue(userId, out var entry) && timeProvider.GetUtcNow() - entry.ReadAt < RememberedFor ? entry.Period : null;

    /// <summary>An away the person said that has not ended (it starts when they said it).</summary>
    public AwayPeriod? Said(CheckinPreferences? preferences) =>
        preferences?.AwayUntil is { } until && until > timeProvider.GetUtcNow() ? new AwayPeriod(null, until, AwaySource.Said) : null;

    private async Task<IReadOnlyDictionary<string, AwayPeriod?>> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var known = new Dictionary<string, AwayPeriod?>(StringComparer.OrdinalIgnoreCase);
        var toRead = new List<string>();
        foreach (var userId in userIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (_remembered.TryGetValue(userId, out var entry) && now - entry.ReadAt < RememberedFor)
                known[userId] = entry.Period;
            else
                toRead.Add(userId);
        }
        if (toRead.Count == 0 || now < _pausedUntil)
            return known;
        var read = await automaticReplies.ReadAsync(toRead, cancellationToken);
        foreach (var (userId, period) in read.Known)
        {
            _remembered[userId] = (period, now);
            known[userId] = period;
        }
        if (read.NotKnownReason is { } reason)
        {
            _pausedUntil = now + PauseAfterFailure;
            LogNotKnown(logger, toRead.Count - read.Known.Count, reason, PauseAfterFailure);
        }
        ForgetOld(now);
        return known;
    }

    /// <summary>Keeps the memory to answers still in use: a big org's run leaves no trail behind it.</summary>
    private void ForgetOld(DateTimeOffset now)
    {
        if (_remembered.Count < 1000)
            return;
        foreach (var (userId, entry) in _remembered)
        {
            if (now - entry.ReadAt >= RememberedFor)
                _remembered.TryRemove(userId, out _);
        }
    }

    [LoggerMessage(EventId = 9701, Level = LogLevel.Warning,
        Message = "Outlook automatic replies could not be read for {Count} people ({Reason}): they count as not away, and Outlook is not asked again for {Pause}")]
    private static partial void LogNotKnown(ILogger logger, int count, string reason, TimeSpan pause);
}
