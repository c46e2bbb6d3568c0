namespace CheckinBot.Core.Messaging;

/// <summary>
/// An item an outbox sender claims, sends and records (a summary hand-off, a feedback delivery): what
/// <see cref="OutboxSteps{T}"/> needs to know of it.
/// </summary>
public interface IOutboxItem<TSelf>
    where TSelf : IOutboxItem<TSelf>
{
    /// <summary>Still to send (not sent, unconfirmed or given up).</summary>
    bool IsPending { get; }

    /// <summary>A sender owns it until then (or it waits until then to be tried again).</summary>
    DateTimeOffset? ClaimedUntil { get; }

    int Attempts { get; }

    /// <summary>Claimed until <paramref name="until"/>: one attempt more.</summary>
    TSelf ClaimedTill(DateTimeOffset until);

    /// <summary>Not sent: left pending, to be tried again at <paramref name="dueAt"/>, with the reason.</summary>
    TSelf PutOff(DateTimeOffset dueAt, string reason);
}
