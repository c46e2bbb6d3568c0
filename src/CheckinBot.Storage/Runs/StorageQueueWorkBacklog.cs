using System.Text.Json;
using Azure.Storage.Queues;
using CheckinBot.Core.Runs;

namespace CheckinBot.Storage.Runs;

/// <summary>Fan-out work on an Azure Storage Queue (<c>{prefix}sends</c>), shared by every instance.</summary>
internal sealed class StorageQueueWorkBacklog(QueueClient queue) : IWorkBacklog
{
    public async Task EnqueueAsync(IEnumerable<SendWork> work, TimeSpan delay, CancellationToken cancellationToken)
    {
        var visible = delay <= TimeSpan.Zero ? (TimeSpan?)null : delay > MaxDelay ? MaxDelay : delay;
        foreach (var item in work)
            await queue.SendMessageAsync(JsonSerializer.Serialize(item, JsonSerializerOptions.Web), visible, timeToLive: TimeSpan.FromDays(8), cancellationToken);
    }

    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<QueuedWork>> TakeAsync(int max, TimeSpan invisibleFor, CancellationToken cancellationToken)
    {
        var messages = (await queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), invisibleFor, cancellationToken)).Value;
        var work = new List<QueuedWork>();
        foreach (var message in messages)
        {
            var item = Parse(message.Body.ToString());
            if (item is null)
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken); // not ours: drop it
            else
                work.Add(new QueuedWork(item, message.MessageId, message.PopReceipt, message.DequeueCount));
        }
        return work;
    }

    public Task DeleteAsync(QueuedWork work, CancellationToken cancellationToken) =>
        queue.DeleteMessageAsync(work.MessageId, work.Receipt, cancellationToken);

    public async Task<QueuedWork> KeepHiddenAsync(QueuedWork work, TimeSpan invisibleFor, CancellationToken cancellationToken)
    {
        var updated = await queue.UpdateMessageAsync(work.MessageId, work.Receipt, visibilityTimeout: invisibleFor, cancellationToken: cancellationToken);
        return work with { Receipt = updated.Value.PopReceipt };
    }

    /// <summary>
    /// A short wait hides the message again; a long one (a snooze until Monday) goes into a fresh message, because a
    /// message lives only 8 days from when it was first sent and stays hidden at most 7. The fresh one is sent before
    /// the old is deleted: a crash between leaves the work twice (harmless, a chunk is claimed), never not at all.
    /// </summary>
    public async Task RetryLaterAsync(QueuedWork work, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.FromHours(1))
        {
            await EnqueueAsync([work.Work], delay, cancellationToken);
            await DeleteAsync(work, cancellationToken);
            return;
        }
        await queue.UpdateMessageAsync(work.MessageId, work.Receipt, visibilityTimeout: delay < TimeSpan.Zero ? TimeSpan.Zero : delay, cancellationToken: cancellationToken);
    }

    private static SendWork? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<SendWork>(body, JsonSerializerOptions.Web) is { RunId.Length: > 0 } work ? work : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
