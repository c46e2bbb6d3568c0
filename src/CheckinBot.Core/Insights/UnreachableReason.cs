namespace CheckinBot.Core.Insights;

/// <summary>Why a run could not reach someone, as HR acts on it.</summary>
public enum UnreachableReason
{
    /// <summary>Never installed CheckinBot, or removed it: install it for them (Teams admin center, or Graph).</summary>
    NotInstalled,

    /// <summary>They blocked the bot's messages in Teams: only they can unblock it.</summary>
    Blocked,

    /// <summary>Their chat with the bot is gone and could not be reopened: it comes back when they open the app.</summary>
    NoConversation,

    /// <summary>Their account is disabled (they left).</summary>
    Left,
    Other,
}
