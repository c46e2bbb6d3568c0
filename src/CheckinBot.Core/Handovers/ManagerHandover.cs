using System.Text.Json.Serialization;
using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Handovers;

/// <summary>
/// A manager change and what it still has to send (<see cref="NextStep"/>): the person's consent question, a word to the
/// former manager, and — only after a yes — the history to the new manager. Kept in the person's own log, so it is
/// erased with it; sent from the outbox like summaries (<see cref="OutboxSteps{T}"/>), each step recorded once sent.
/// </summary>
public sealed record ManagerHandover : IOutboxItem<ManagerHandover>
{
    public required string Id { get; init; }
    public required string PersonId { get; init; }
    public string? FormerManagerId { get; init; }
    public required string NewManagerId { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
    public DateTimeOffset? AskedAt { get; init; }
    public DateTimeOffset? FormerManagerToldAt { get; init; }

    /// <summary>The person's answer: null until they give one (no answer moves nothing).</summary>
    public bool? Consented { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? HandedOverAt { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public string? Version { get; init; }

    [JsonIgnore]
    public HandoverStep? NextStep =>
        AskedAt is null ? HandoverStep.AskPerson
        : FormerManagerId is not null && FormerManagerToldAt is null ? HandoverStep.TellFormerManager
        : Consented == true && HandedOverAt is null ? HandoverStep.HandOver
        : null;

    [JsonIgnore]
    public bool IsPending => NextStep is not null;

    public ManagerHandover ClaimedTill(DateTimeOffset until) => this with { ClaimedUntil = until, Attempts = Attempts + 1 };

    public ManagerHandover PutOff(DateTimeOffset dueAt, string reason) => this with { ClaimedUntil = dueAt, LastError = reason };

    /// <summary>The step went out (or may have): recorded, and the next step starts its attempts afresh.</summary>
    public ManagerHandover Sent(HandoverStep step, DateTimeOffset at) => (step switch
    {
        HandoverStep.AskPerson => this with { AskedAt = at },
        HandoverStep.TellFormerManager => this with { FormerManagerToldAt = at },
        _ => this with { HandedOverAt = at },
    }) with { ClaimedUntil = null, Attempts = 0, LastError = null };
}
