namespace CheckinBot.Core.Away;

/// <summary>How the bot knows someone is away.</summary>
public enum AwaySource
{
    /// <summary>They said so in chat (<c>away until 12 Jan</c>); works with no Graph permission at all.</summary>
    Said,

    /// <summary>Their Outlook automatic replies are on, or scheduled over the time (Graph <c>mailboxSettings</c>).</summary>
    AutomaticReplies,
}
