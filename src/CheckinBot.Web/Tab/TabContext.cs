namespace CheckinBot.Web.Tab;

/// <summary>What the page needs first: who is signed in, the views they get, the threshold, and for deep links the bot's id.</summary>
/// <param name="BotAppId">For chat deep links; null in local mode (no Teams to link into).</param>
/// <param name="UnreachableFixes">What fixes each reason a run could not reach someone (the organisation view's list).</param>
internal sealed record TabContext(string UserId, string Name, IReadOnlyList<string> Views, int MinGroupSize, string? BotAppId, IReadOnlyDictionary<string, string> UnreachableFixes);
