using System.Globalization;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Connector;

namespace CheckinBot.Teams.Proactive;

/// <summary>
/// The Core messaging port in Teams: finds the person's chat registration, renders the message as a card and sends it
/// through <see cref="ProactiveMessenger"/> (which reopens a deleted chat once and marks blocked people unreachable).
/// </summary>
public sealed class TeamsPersonMessenger(IChatRegistrationStore registrations, ProactiveMessenger proactive, IAppInstaller installer) : IPersonMessenger
{
    public async Task<DeliveryResult> SendAsync(string userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var registration = await registrations.FindAsync(userId, cancellationToken);
        if (registration is null)
            return await NotInstalledAsync(userId, cancellationToken);

        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [OutboundCards.Render(message).ToAttachment()] };
        var result = await proactive.SendAsync(registration, activity, message.Priority, cancellationToken);
        return result.Outcome switch
        {
            ConnectorOutcome.Sent => new DeliveryResult(DeliveryOutcome.Sent, MessageId: result.Value?.Id),
            ConnectorOutcome.Throttled => new DeliveryResult(DeliveryOutcome.Throttled, Reason: "Throttled", RetryAfter: result.RetryAfter),
            ConnectorOutcome.Ambiguous => new DeliveryResult(DeliveryOutcome.Unconfirmed, Reason: ReasonOf(result)),
            ConnectorOutcome.RecipientGone => new DeliveryResult(DeliveryOutcome.Unreachable, Reason: result.ErrorCode ?? "RecipientGone"),
            _ => new DeliveryResult(DeliveryOutcome.Failed, Reason: ReasonOf(result)),
        };
    }

    public async Task<DeliveryResult?> FindUnreachableAsync(string userId, CancellationToken cancellationToken) =>
        await registrations.FindAsync(userId, cancellationToken) switch
        {
            null => await NotInstalledAsync(userId, cancellationToken),
            { Status: not RegistrationStatus.Active } gone => new DeliveryResult(DeliveryOutcome.Unreachable, Reason: gone.StatusReason ?? gone.Status.ToString()),
            _ => null,
        };

    /// <summary>Never talked to the bot: install it for them where Graph allows; their install event registers them.</summary>
    private async Task<DeliveryResult> NotInstalledAsync(string userId, CancellationToken cancellationToken)
    {
        var install = await installer.InstallForAsync(userId, cancellationToken);
        return new DeliveryResult(DeliveryOutcome.Unreachable, Reason: $"NotInstalled (install: {install})",
            RetryAfter: install is AppInstallOutcome.Requested or AppInstallOutcome.AlreadyInstalled ? TimeSpan.FromMinutes(1) : null);
    }

    private static string? ReasonOf<T>(ConnectorResult<T> result) => result.ErrorCode ?? result.StatusCode?.ToString(CultureInfo.InvariantCulture);
}
