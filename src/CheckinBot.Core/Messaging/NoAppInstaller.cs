namespace CheckinBot.Core.Messaging;

/// <summary>Where the org directory is not Graph (local mode), nobody can be installed for.</summary>
public sealed class NoAppInstaller : IAppInstaller
{
    public Task<AppInstallOutcome> InstallForAsync(string userId, SendPriority priority, CancellationToken cancellationToken) =>
        Task.FromResult(AppInstallOutcome.NotConfigured);
}
