using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Managers;

/// <summary>
/// A shared check-in on its way to the manager, written in the same transaction as the check-in itself. A sender
/// claims it (<see cref="ClaimedUntil"/>) with a conditional write before sending and records the outcome after, so a
/// crash leads to a retry, never to a second summary once <see cref="ShareStatus.Sent"/> is recorded.
/// </summary>
public sealed record ShareHandoff : IOutboxItem<ShareHandoff>
{
    public required string UserId { get; init; }
    public required string CheckinId { get; init; }
    public ShareStatus Status { get; init; }
    public string? ManagerId { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? MessageId { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? Version { get; init; }

    public bool IsPending => Status == ShareStatus.Pending;

    public ShareHandoff ClaimedTill(DateTimeOffset until) => this with { ClaimedUntil = until, Attempts = Attempts + 1 };

    public ShareHandoff PutOff(DateTimeOffset dueAt, string reason) => this with { ClaimedUntil = dueAt, LastError = reason };
}
