namespace CheckinBot.Teams.Activities;

/// <summary>
/// How Teams says the bot was installed or removed in a personal scope: an <c>installationUpdate</c> (action
/// <c>add</c> / <c>remove</c>, also <c>…-upgrade</c>), or a <c>conversationUpdate</c> adding or removing the bot itself
/// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events).
/// </summary>
public static class InstallSignals
{
    public static bool IsInstall(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && !IsRemoval(activity))
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true);

    public static bool IsRemoval(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true);
}
