using Azure;
using Azure.Identity;
using Azure.Storage.Queues;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Storage.QuestionSets;
using CheckinBot.Storage.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Storage;

/// <summary>
/// Creates the tables and seeds the default question set before the host starts serving, asynchronously (never in a
/// constructor). Seeding is an insert of version 1 that fails harmlessly when another instance did it first. Storage
/// that refuses the identity (role assignments not applied yet on a fresh deployment) or cannot be reached does not
/// stop the host: it is tried again in the background, 5 s after the first failure, doubling up to a minute, while
/// <see cref="StorageReadiness"/> tells <c>/health/ready</c> what it waits for. Anything else (a malformed key row)
/// stops start-up with its message.
/// </summary>
internal sealed partial class StorageInitializer(
    CheckinTables tables, QueueClient sends, IQuestionSetStore questionSets, TableSigningKeyProvider signingKeys,
    StorageReadiness readiness, TimeProvider timeProvider, ILogger<StorageInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    /// <summary>The first attempt, before the host serves; a refusal leaves the rest to <see cref="ExecuteAsync"/>.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (NotAccessibleYet(ex) is { } reason)
        {
            readiness.Waiting(reason);
            LogWaiting(logger, reason);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstRetry;
        while (readiness.WaitingFor is not null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, timeProvider, stoppingToken);
                await InitializeAsync(stoppingToken);
                LogReady(logger);
            }
            catch (Exception ex) when (NotAccessibleYet(ex) is { } reason)
            {
                readiness.Waiting(reason);
                wait = wait * 2 > LongestRetry ? LongestRetry : wait * 2;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await tables.CreateAllAsync(cancellationToken);
        await sends.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await questionSets.TryAddVersionAsync(QuestionSet.Default, cancellationToken);
        // Read the export keys now: a malformed key row stops start-up with a message naming it.
        await signingKeys.KeysAsync(cancellationToken);
        readiness.Ready();
    }

    /// <summary>What storage is waiting for, when the failure is one that time (or an admin) fixes; null for any other.</summary>
    private static string? NotAccessibleYet(Exception ex) => ex switch
    {
        RequestFailedException { Status: 401 or 403 } refused =>
            $"waiting for storage access: the identity's role on the storage account is not in effect yet ({refused.Status} {refused.ErrorCode})",
        AuthenticationFailedException or CredentialUnavailableException => "waiting for storage access: the identity has no token yet",
        RequestFailedException { Status: 0 } or HttpRequestException or AggregateException => "waiting for storage access: storage cannot be reached",
        _ => null,
    };

    [LoggerMessage(EventId = 9901, Level = LogLevel.Warning, Message = "Storage is not usable yet, the app keeps trying: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string reason);

    [LoggerMessage(EventId = 9902, Level = LogLevel.Information, Message = "Storage is usable: tables ready")]
    private static partial void LogReady(ILogger logger);
}
