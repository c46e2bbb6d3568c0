namespace CheckinBot.Core.Messaging;

public enum AppInstallOutcome
{
    /// <summary>Teams is installing the app; the person's install event will register them.</summary>
    Requested,
    AlreadyInstalled,

    /// <summary>Proactive installation is not set up (no catalog app id, or local mode).</summary>
    NotConfigured,

    /// <summary>The app lacks the Graph permission (TeamsAppInstallation.ReadWriteSelfForUser.All).</summary>
    NotPermitted,

    /// <summary>The app is not in the org's catalog, or the person is unknown.</summary>
    NotFound,
    Failed,
}

/// <summary>Installs the bot for a person who has not installed it (https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages), where permissions allow.</summary>
public interface IAppInstaller
{
    /// <param name="priority">The priority of the message that found the person not installed: the install's call takes a slot of the shared budget at it.</param>
    Task<AppInstallOutcome> InstallForAsync(string userId, SendPriority priority, CancellationToken cancellationToken);
}
