using CheckinBot.Core.Feedback;

namespace CheckinBot.Core.Tests.Feedback;

/// <summary>
/// The feedback port in memory with versions like ETags: every write of a row gives it a new version, and a write at an
/// old one loses. <see cref="FailNextOutcomeWrites"/> makes the next writes of a delivery's outcome throw a passing fault.
/// </summary>
internal sealed class InMemoryFeedbackStore : IFeedbackStore, IFeedbackDeliveryStore
{
    private readonly Dictionary<(string, string), object> _rows = [];
    private int _version;

    public int FailNextOutcomeWrites { get; set; }

    public void Erase(string userId)
    {
        lock (_rows)
            foreach (var key in _rows.Keys.Where(k => k.Item1 == userId).ToList())
                _rows.Remove(key);
    }

    public Task<bool> TryAddNoteAsync(FeedbackNote note, FeedbackAsk? answered, FeedbackDelivery delivery, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            if (_rows.ContainsKey((note.ToUserId, "note-" + note.Id))
                || (answered is not null && Get<FeedbackAsk>(answered.RequesterId, "ask-" + answered.Id)?.Version != answered.Version))
                return Task.FromResult(false);
            Put(note.ToUserId, "note-" + note.Id, note);
            Put(delivery.OwnerId, "send-" + delivery.ItemId, delivery);
            if (answered is not null)
                Put(answered.RequesterId, "ask-" + answered.Id, answered);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<FeedbackNote>> ListNotesAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_rows)
            return Task.FromResult<IReadOnlyList<FeedbackNote>>([.. _rows.Where(r => r.Key.Item1 == userId && r.Key.Item2.StartsWith("note-", StringComparison.Ordinal)).Select(r => (FeedbackNote)r.Value)]);
    }

    public Task<FeedbackNote?> FindNoteAsync(string userId, string noteId, CancellationToken cancellationToken) => Find<FeedbackNote>(userId, "note-" + noteId);

    public Task<bool> TrySaveNoteAsync(FeedbackNote note, CancellationToken cancellationToken) =>
        TrySave(note.ToUserId, "note-" + note.Id, note, note.Version, (n, v) => n with { Version = v });

    public Task<bool> TryAddAskAsync(FeedbackAsk ask, FeedbackDelivery? delivery, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            if (_rows.ContainsKey((ask.RequesterId, "ask-" + ask.Id)))
                return Task.FromResult(false);
            Put(ask.RequesterId, "ask-" + ask.Id, ask);
            if (delivery is not null)
                Put(delivery.OwnerId, "send-" + delivery.ItemId, delivery);
            return Task.FromResult(true);
        }
    }

    public Task<FeedbackAsk?> FindAskAsync(string requesterId, string askId, CancellationToken cancellationToken) => Find<FeedbackAsk>(requesterId, "ask-" + askId);

    public Task<bool> TrySaveAskAsync(FeedbackAsk ask, CancellationToken cancellationToken) =>
        TrySave(ask.RequesterId, "ask-" + ask.Id, ask, ask.Version, (a, v) => a with { Version = v });

    public Task<IReadOnlyList<FeedbackAsk>> ListAsksByAsync(string requesterId, CancellationToken cancellationToken) => Asks(a => a.RequesterId == requesterId);

    public Task<IReadOnlyList<FeedbackAsk>> ListOpenAsksForAsync(string askedUserId, CancellationToken cancellationToken) => Asks(a => a.IsOpen && a.AskedUserId == askedUserId);

    public Task<IReadOnlyList<FeedbackAsk>> ListOpenAsksAsync(int max, CancellationToken cancellationToken) => Asks(a => a.IsOpen);

    public Task<FeedbackDelivery?> FindDeliveryAsync(string ownerId, string itemId, CancellationToken cancellationToken) => Find<FeedbackDelivery>(ownerId, "send-" + itemId);

    public Task<bool> TrySaveDeliveryAsync(FeedbackDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Status != CheckinBot.Core.Messaging.DeliveryStatus.Pending && FailNextOutcomeWrites > 0)
        {
            FailNextOutcomeWrites--;
            throw new TimeoutException("storage timed out");
        }
        return TrySave(delivery.OwnerId, "send-" + delivery.ItemId, delivery, delivery.Version, (d, v) => d with { Version = v });
    }

    private Task<IReadOnlyList<FeedbackAsk>> Asks(Func<FeedbackAsk, bool> where)
    {
        lock (_rows)
            return Task.FromResult<IReadOnlyList<FeedbackAsk>>([.. _rows.Values.OfType<FeedbackAsk>().Where(where)]);
    }

    private Task<T?> Find<T>(string userId, string key) where T : class
    {
        lock (_rows)
            return Task.FromResult(Get<T>(userId, key));
    }

    private T? Get<T>(string userId, string key) where T : class => _rows.GetValueOrDefault((userId, key)) as T;

    private Task<bool> TrySave<T>(string userId, string key, T row, string? version, Func<T, string, T> withVersion) where T : class
    {
        lock (_rows)
        {
            if (!_rows.TryGetValue((userId, key), out var stored) || VersionOf(stored) != version)
                return Task.FromResult(false);
            _rows[(userId, key)] = withVersion(row, NextVersion());
            return Task.FromResult(true);
        }
    }

    private void Put(string userId, string key, object row) => _rows[(userId, key)] = row switch
    {
        FeedbackNote n => n with { Version = NextVersion() },
        FeedbackAsk a => a with { Version = NextVersion() },
        FeedbackDelivery d => d with { Version = NextVersion() },
        _ => row,
    };

    private static string? VersionOf(object row) => row switch
    {
        FeedbackNote n => n.Version,
        FeedbackAsk a => a.Version,
        FeedbackDelivery d => d.Version,
        _ => null,
    };

    private string NextVersion() => (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
