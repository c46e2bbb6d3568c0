using CheckinBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Registrations;

/// <summary>Keeps each person's chat registration current: on install, on every activity, on uninstall and on delivery failure.</summary>
public sealed partial class ChatRegistrationService(
    IChatRegistrationStore store,
    TimeProvider timeProvider,
    ILogger<ChatRegistrationService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Records what an inbound activity tells us about where the person is. Talking to the bot proves they are
    /// reachable again, so an unreachable or uninstalled registration becomes active.
    /// </summary>
    public async Task<SeenResult> RecordSeenAsync(ChatRegistration observed, CancellationToken cancellationToken)
    {
        var timeZone = IanaTimeZone.Normalize(observed.TimeZone);
        var wasActive = false;
        var stored = await UpdateAsync(observed.UserId, current =>
        {
            wasActive = current?.Status == RegistrationStatus.Active;
            var now = timeProvider.GetUtcNow();
            var next = (current ?? observed with { InstalledAt = now }) with
            {
                TenantId = observed.TenantId,
                ChannelUserId = observed.ChannelUserId,
                ConversationId = observed.ConversationId,
                ServiceUrl = observed.ServiceUrl,
                DisplayName = observed.DisplayName ?? current?.DisplayName,
                TimeZone = timeZone ?? current?.TimeZone,
                Status = RegistrationStatus.Active,
                StatusReason = null,
                UpdatedAt = now,
                Version = current?.Version,
            };
            return current is null || current.DiffersFrom(next) ? next : null;
        }, cancellationToken);
        return new SeenResult(stored, IsNewlyActive: !wasActive);
    }

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

    /// <summary>Read, change, conditional write; on a lost race re-read and apply the change again.</summary>
    private async Task<ChatRegistration> UpdateAsync(
        string userId, Func<ChatRegistration?, ChatRegistration?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.FindAsync(userId, cancellationToken);
            var next = change(current);
            if (next is null)
                return current!;
            if (await store.TrySaveAsync(next, cancellationToken))
                return next;
            if (attempt == MaxAttempts)
                throw new ConcurrencyConflictException($"Registration {userId} kept changing; gave up after {MaxAttempts} attempts.");
        }
    }

    /// <param name="IsNewlyActive">True on first contact and after a reinstall: the moment to say hello.</param>
    public sealed record SeenResult(ChatRegistration Registration, bool IsNewlyActive);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Registration {UserId} is now {Status} ({Reason})")]
    private static partial void LogStatusChanged(ILogger logger, string userId, RegistrationStatus status, string? reason);
}
