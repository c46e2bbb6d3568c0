using System.Collections.Concurrent;
using System.Globalization;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Registrations;
using CheckinBot.Core.Telemetry;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Connector;

namespace CheckinBot.Teams.Proactive;

/// <summary>
/// The Core messaging port in Teams: finds the person's chat registration, renders the message as a card and sends it
/// through <see cref="ProactiveMessenger"/> (which reopens a deleted chat once and marks blocked people unreachable).
/// </summary>
public sealed class TeamsPersonMessenger(
    IChatRegistrationStore registrations, ProactiveMessenger proactive, IAppInstaller installer, TimeProvider timeProvider) : IPersonMessenger
{
    /// <summary>
    /// A run asks whether someone can be reached and sends to them moments later: the registration read for the question
    /// serves the send (once, within this long), which spares a storage read per message of a run. A change in between
    /// (a blocked bot, a moved chat) is what Teams answers for anyway.
    /// </summary>
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(30);

    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, (ChatRegistration Registration, DateTimeOffset ReadAt)> _justRead = new(StringComparer.OrdinalIgnoreCase);

    public async Task<DeliveryResult> SendAsync(string userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var registration = _justRead.TryRemove(userId, out var read) && timeProvider.GetUtcNow() - read.ReadAt < ReuseFor
            ? read.Registration
            : await registrations.FindAsync(userId, cancellationToken);
        if (registration is null)
            return await NotInstalledAsync(userId, message.Priority, cancellationToken);

        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [OutboundCards.Render(message).ToAttachment()] };
        var result = await proactive.SendAsync(registration, activity, message.Priority, cancellationToken);
        var delivery = result.Outcome switch
        {
            ConnectorOutcome.Sent => new DeliveryResult(DeliveryOutcome.Sent, MessageId: result.Value?.Id),
            ConnectorOutcome.Throttled => new DeliveryResult(DeliveryOutcome.Throttled, Reason: "Throttled", RetryAfter: result.RetryAfter),
            ConnectorOutcome.Ambiguous => new DeliveryResult(DeliveryOutcome.Unconfirmed, Reason: ReasonOf(result)),
            ConnectorOutcome.RecipientGone => new DeliveryResult(DeliveryOutcome.Unreachable, Reason: result.ErrorCode ?? "RecipientGone"),
            _ => new DeliveryResult(DeliveryOutcome.Failed, Reason: ReasonOf(result)),
        };
        CheckinTelemetry.ProactiveSend(KindOf(message), delivery.Outcome);
        return delivery;
    }

    /// <summary>The message's kind as the telemetry names it.</summary>
    private static string KindOf(OutboundMessage message) => message switch
    {
        CheckinBot.Core.Runs.CheckinQuestionMessage { IsReminder: true } => "reminder",
        CheckinBot.Core.Runs.CheckinQuestionMessage => "question",
        CheckinBot.Core.Managers.ManagerSummaryMessage => "summary",
        CheckinBot.Core.Feedback.FeedbackNudgeMessage => "nudge",
        _ => "feedback",
    };

    public async Task<DeliveryResult?> EnsureReachableAsync(string userId, CancellationToken cancellationToken)
    {
        switch (await registrations.FindAsync(userId, cancellationToken))
        {
            case null:
                return await NotInstalledAsync(userId, SendPriority.Bulk, cancellationToken); // a run asks before its sends
            case { Status: not RegistrationStatus.Active } gone:
                return new DeliveryResult(DeliveryOutcome.Unreachable, Reason: gone.StatusReason ?? gone.Status.ToString());
            case var active:
                if (_justRead.Count >= MaxRemembered)
                    _justRead.Clear(); // only sends that never followed their question pile up
                _justRead[userId] = (active, timeProvider.GetUtcNow());
                return null;
        }
    }

    /// <summary>Never talked to the bot: install it for them where Graph allows; their install event registers them.</summary>
    private async Task<DeliveryResult> NotInstalledAsync(string userId, SendPriority priority, CancellationToken cancellationToken)
    {
        var install = await installer.InstallForAsync(userId, priority, cancellationToken);
        return new DeliveryResult(DeliveryOutcome.Unreachable, Reason: $"NotInstalled (install: {install})",
            RetryAfter: install is AppInstallOutcome.Requested or AppInstallOutcome.AlreadyInstalled ? TimeSpan.FromMinutes(1) : null);
    }

    private static string? ReasonOf<T>(ConnectorResult<T> result) => result.ErrorCode ?? result.StatusCode?.ToString(CultureInfo.InvariantCulture);
}
