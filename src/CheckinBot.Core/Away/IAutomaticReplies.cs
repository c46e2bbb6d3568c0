namespace CheckinBot.Core.Away;

/// <summary>The port to Outlook's automatic replies (Graph <c>mailboxSettings</c>, application permission <c>MailboxSettings.Read</c>).</summary>
public interface IAutomaticReplies
{
    /// <summary>
    /// Reads the automatic-replies setting of each person, in as few requests as the adapter can; never throws for a
    /// refused or failing source: those people are simply not in the answer.
    /// </summary>
    Task<AutomaticRepliesRead> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}
