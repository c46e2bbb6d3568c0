namespace CheckinBot.Core.Runs;

public enum RecipientStatus
{
    Pending,
    Sent,

    /// <summary>Not sent on purpose: skipped this cycle, already answered, or the cadence was paused (someone who snoozed stays pending).</summary>
    Skipped,

    /// <summary>Teams will not deliver (bot not installed, blocked, chat gone); the reason says which.</summary>
    Unreachable,

    /// <summary>Kept failing after its retries.</summary>
    Failed,

    /// <summary>
    /// Sent, and Teams' answer was lost (timeout, 502, 504, reset): it may have arrived, so it is never sent again; the
    /// cadence's reminders cover the rare one that did not.
    /// </summary>
    Unconfirmed,

    /// <summary>
    /// Not asked: away (said in chat, or Outlook's automatic replies) until past the occurrence's answer window
    /// (Cadences/AnswerWindow). Counted apart from those not reached; participation is over the others.
    /// </summary>
    Away,
}
