using CheckinBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Registrations;

/// <summary>Keeps each person's chat registration current: on install, on every activity, on uninstall and on delivery failure.</summary>
public sealed partial class ChatRegistrationService(
    IChatRegistrationStore store,
    TimeProvider timeProvider,
    ILogger<ChatRegistrationService> logger)
{
    /// <summary>Teams sends installationUpdate and conversationUpdate for one install; greet once for both.</summary>
    private static readonly TimeSpan WelcomeWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Records what an inbound activity tells us about where the person is. Talking to the bot proves they are
    /// reachable again, so an unreachable or uninstalled registration becomes active. The result says whether to
    /// greet: on an install event or first contact, unless a greeting already went out moments ago.
    /// </summary>
    public async Task<SeenResult> RecordSeenAsync(ChatRegistration observed, bool isInstallEvent, CancellationToken cancellationToken)
    {
        var timeZone = IanaTimeZone.Normalize(observed.TimeZone);
        var welcome = false;
        var stored = await UpdateAsync(observed.UserId, current =>
        {
            var now = timeProvider.GetUtcNow();
            welcome = (isInstallEvent || current?.Status != RegistrationStatus.Active)
                && (current?.WelcomedAt is not { } welcomedAt || now - welcomedAt > WelcomeWindow);
            var next = (current ?? observed with { InstalledAt = now }) with
            {
                TenantId = observed.TenantId,
                ChannelUserId = observed.ChannelUserId,
                BotChannelId = observed.BotChannelId ?? current?.BotChannelId,
                ConversationId = observed.ConversationId,
                ServiceUrl = observed.ServiceUrl,
                DisplayName = observed.DisplayName ?? current?.DisplayName,
                TimeZone = timeZone ?? current?.TimeZone,
                Status = RegistrationStatus.Active,
                StatusReason = null,
                UpdatedAt = now,
                WelcomedAt = welcome ? now : current?.WelcomedAt,
                Version = current?.Version,
            };
            return current is null || current.DiffersFrom(next) ? next : null;
        }, cancellationToken);
        return new SeenResult(stored, ShouldWelcome: welcome);
    }

    /// <summary>The person deleted the chat and a new one was opened: send there from now on.</summary>
    public Task MoveToConversationAsync(string userId, string conversationId, CancellationToken cancellationToken) =>
        UpdateAsync(userId, current =>
            current is null || current.ConversationId == conversationId
                ? null
                : current with { ConversationId = conversationId, UpdatedAt = timeProvider.GetUtcNow() },
            cancellationToken);

    public Task MarkUninstalledAsync(string userId, CancellationToken cancellationToken) =>
        SetStatusAsync(userId, RegistrationStatus.Uninstalled, reason: null, cancellationToken);

    /// <summary>Teams refused delivery for good (blocked bot, deleted chat): stop sending until the person returns.</summary>
    public Task MarkUnreachableAsync(string userId, string reason, CancellationToken cancellationToken) =>
        SetStatusAsync(userId, RegistrationStatus.Unreachable, reason, cancellationToken);

    private async Task SetStatusAsync(string userId, RegistrationStatus status, string? reason, CancellationToken cancellationToken)
    {
        await UpdateAsync(userId, current =>
            current is null || (current.Status == status && current.StatusReason == reason)
                ? null
                : current with { Status = status, StatusReason = reason, UpdatedAt = timeProvider.GetUtcNow() },
            cancellationToken);
        LogStatusChanged(logger, userId, status, reason);
    }

    private async Task<ChatRegistration> UpdateAsync(
        string userId, Func<ChatRegistration?, ChatRegistration?> change, CancellationToken cancellationToken) =>
        (await OptimisticUpdate.RunAsync(
            () => store.FindAsync(userId, cancellationToken),
            change,
            next => store.TrySaveAsync(next, cancellationToken),
            $"Registration {userId}"))!;

    /// <param name="ShouldWelcome">True when this caller won the right to send the welcome card.</param>
    public sealed record SeenResult(ChatRegistration Registration, bool ShouldWelcome);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Registration {UserId} is now {Status} ({Reason})")]
    private static partial void LogStatusChanged(ILogger logger, string userId, RegistrationStatus status, string? reason);
}
