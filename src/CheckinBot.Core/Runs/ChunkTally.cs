namespace CheckinBot.Core.Runs;

/// <summary>
/// The outcomes of one finished chunk of a run, written (idempotently) when its last recipient is done, so a run's
/// progress is one small row per <see cref="RunPlanning.ChunkSize"/> people instead of a read of every recipient.
/// </summary>
/// <param name="Snoozed">Still pending because they snoozed (a chunk waiting only for them is tallied meanwhile).</param>
/// <param name="Unconfirmed">Sent, Teams' answer lost: possibly delivered, never sent again.</param>
/// <param name="Away">Not asked: away past the occurrence's answer window.</param>
/// <param name="HeldAway">Still pending because they are away: asked in their first working hour back.</param>
public sealed record ChunkTally(int Chunk, int Sent, int Failed, int Unreachable, int Skipped, DateTimeOffset DoneAt, int Snoozed = 0, int Unconfirmed = 0, int Away = 0, int HeldAway = 0)
{
    public int Done => Sent + Failed + Unreachable + Skipped + Unconfirmed + Away;

    public static ChunkTally Of(int chunk, IReadOnlyCollection<RunRecipient> recipients) => new(chunk,
        recipients.Count(r => r.Status == RecipientStatus.Sent),
        recipients.Count(r => r.Status == RecipientStatus.Failed),
        recipients.Count(r => r.Status == RecipientStatus.Unreachable),
        recipients.Count(r => r.Status == RecipientStatus.Skipped),
        recipients.Max(r => r.DoneAt) ?? DateTimeOffset.MinValue,
        recipients.Count(r => r.IsSnoozed),
        recipients.Count(r => r.Status == RecipientStatus.Unconfirmed),
        recipients.Count(r => r.Status == RecipientStatus.Away),
        recipients.Count(r => r.IsHeldAway));
}
