using System.Collections.Concurrent;
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
    /// A person in a conversation sends several messages a minute. What this instance stored for them that recently, and
    /// that the next activity would not change, needs no read: the read was a third of a turn's storage work. Another
    /// instance's change in that minute (Teams refusing a proactive send while the person chats) is repaired by the
    /// person's next activity after it; an install event always goes to storage.
    /// </summary>
    internal static readonly TimeSpan RecentlyRecordedFor = TimeSpan.FromMinutes(1);

    /// <summary>Bounds the memory of <see cref="_recentlyRecorded"/>; past it the memory starts over.</summary>
    private const int MaxRecentlyRecorded = 50_000;

    private readonly ConcurrentDictionary<string, (ChatRegistration Stored, DateTimeOffset At)> _recentlyRecorded = new(StringComparer.Ordinal);

    /// <summary>
    /// Records what an inbound activity tells us about where the person is. Talking to the bot proves they are
    /// reachable again, so an unreachable or uninstalled registration becomes active. The result says whether to
    /// greet: on an install event or first contact, unless a greeting already went out moments ago.
    /// </summary>
    public async Task<SeenResult> RecordSeenAsync(ChatRegistration observed, bool isInstallEvent, CancellationToken cancellationToken)
    {
        var timeZone = IanaTimeZone.Normalize(observed.TimeZone);
        if (!isInstallEvent && _recentlyRecorded.TryGetValue(observed.UserId, out var recent)
            && timeProvider.GetUtcNow() - recent.At < RecentlyRecordedFor
            && recent.Stored.Status == RegistrationStatus.Active
            && !recent.Stored.DiffersFrom(Seen(recent.Stored, observed, timeZone, recent.Stored.UpdatedAt, welcome: false)))
        {
            return new SeenResult(recent.Stored, ShouldWelcome: false);
        }

        var welcome = false;
        var stored = await UpdateAsync(observed.UserId, current =>
        {
            var now = timeProvider.GetUtcNow();
            welcome = (isInstallEvent || current?.Status != RegistrationStatus.Active)
                && (current?.WelcomedAt is not { } welcomedAt || now - welcomedAt > WelcomeWindow);
            var next = Seen(current ?? observed with { InstalledAt = now }, observed, timeZone, now, welcome);
            return current is null || current.DiffersFrom(next) ? next : null;
        }, cancellationToken);
        Remember(stored);
        return new SeenResult(stored, ShouldWelcome: welcome);
    }

    /// <summary>The registration after the person was seen where <paramref name="observed"/> says.</summary>
    private static ChatRegistration Seen(ChatRegistration current, ChatRegistration observed, string? timeZone, DateTimeOffset now, bool welcome) => current with
    {
        TenantId = observed.TenantId,
        ChannelUserId = observed.ChannelUserId,
        BotChannelId = observed.BotChannelId ?? current.BotChannelId,
        ConversationId = observed.ConversationId,
        ServiceUrl = observed.ServiceUrl,
        DisplayName = observed.DisplayName ?? current.DisplayName,
        TimeZone = timeZone ?? current.TimeZone,
        Status = RegistrationStatus.Active,
        StatusReason = null,
        UpdatedAt = now,
        WelcomedAt = welcome ? now : current.WelcomedAt,
    };

    private void Remember(ChatRegistration stored)
    {
        if (_recentlyRecorded.Count >= MaxRecentlyRecorded)
            _recentlyRecorded.Clear();
        _recentlyRecorded[stored.UserId] = (stored, timeProvider.GetUtcNow());
    }

    /// <summary>The person deleted the chat and a new one was opened: send there from now on.</summary>
    public Task MoveToConversationAsync(string userId, string conversationId, CancellationToken cancellationToken) =>
        UpdateAsync(userId, current =>
            current is null || current.ConversationId == conversationId
                ? null
                : current with { ConversationId = conversationId, UpdatedAt = timeProvider.GetUtcNow() },
            cancellationToken);

    public Task<ChatRegistration?> FindAsync(string userId, CancellationToken cancellationToken) => store.FindAsync(userId, cancellationToken);

    /// <summary>Deletes the registration (erasure); the person's next activity registers them afresh.</summary>
    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        _recentlyRecorded.TryRemove(userId, out _);
        return await store.DeleteAsync(userId, cancellationToken);
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

    private async Task<ChatRegistration> UpdateAsync(
        string userId, Func<ChatRegistration?, ChatRegistration?> change, CancellationToken cancellationToken)
    {
        // Whatever changes now, the remembered registration is no longer what storage holds.
        _recentlyRecorded.TryRemove(userId, out _);
        return (await OptimisticUpdate.RunAsync(
            () => store.FindAsync(userId, cancellationToken),
            change,
            next => store.TrySaveAsync(next, cancellationToken),
            $"Registration {userId}"))!;
    }

    /// <param name="ShouldWelcome">True when this caller won the right to send the welcome card.</param>
    public sealed record SeenResult(ChatRegistration Registration, bool ShouldWelcome);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Registration {UserId} is now {Status} ({Reason})")]
    private static partial void LogStatusChanged(ILogger logger, string userId, RegistrationStatus status, string? reason);
}
