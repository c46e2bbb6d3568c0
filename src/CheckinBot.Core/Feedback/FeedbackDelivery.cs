using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Feedback;

/// <summary>
/// A feedback request or note on its way to the other person, written in the same transaction as the item, in the same
/// person's log. A sender claims it (<see cref="ClaimedUntil"/>) with a conditional write, sends, and records the outcome
/// before anything else, like a run's sends: a fault or a shutdown after the send never leads to a second message. It
/// holds ids only, never text.
/// </summary>
public sealed record FeedbackDelivery : IOutboxItem<FeedbackDelivery>
{
    /// <summary>Whose log holds the item: the requester for a request, the recipient for a note.</summary>
    public required string OwnerId { get; init; }
    public required string ItemId { get; init; }
    public required FeedbackItem Item { get; init; }
    public required string RecipientId { get; init; }
    public DeliveryStatus Status { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? MessageId { get; init; }
    public string? Version { get; init; }

    public bool IsPending => Status == DeliveryStatus.Pending;

    public FeedbackDelivery ClaimedTill(DateTimeOffset until) => this with { ClaimedUntil = until, Attempts = Attempts + 1 };

    public FeedbackDelivery PutOff(DateTimeOffset dueAt, string reason) => this with { ClaimedUntil = dueAt, LastError = reason };

    public static FeedbackDelivery Of(FeedbackAsk ask) =>
        new() { OwnerId = ask.RequesterId, ItemId = ask.Id, Item = FeedbackItem.Request, RecipientId = ask.AskedUserId };

    public static FeedbackDelivery Of(FeedbackNote note) =>
        new() { OwnerId = note.ToUserId, ItemId = note.Id, Item = FeedbackItem.Note, RecipientId = note.ToUserId };
}
