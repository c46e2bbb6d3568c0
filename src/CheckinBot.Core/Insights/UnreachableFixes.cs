namespace CheckinBot.Core.Insights;

/// <summary>Why a run could not reach someone, and what HR can do about it, per <see cref="UnreachableReason"/> in camelCase (as the metrics name them).</summary>
public static class UnreachableFixes
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["notInstalled"] = "not installed: install CheckinBot for them from the Teams admin center (an app setup policy), or let the bot install it through Microsoft Graph (Graph:TeamsCatalogAppId)",
        ["blocked"] = "blocked the bot in Teams: only they can unblock it",
        ["noConversation"] = "no chat with the bot any more: it comes back when they open CheckinBot in Teams",
        ["left"] = "left the organisation (disabled accounts)",
        ["other"] = "another reason: see the runs' dead letters",
    };

    public static string For(string reason) => All.TryGetValue(reason, out var fix) ? fix : All["other"];
}
