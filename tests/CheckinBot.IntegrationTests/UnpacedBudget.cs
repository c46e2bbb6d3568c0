using System.Collections.Concurrent;
using CheckinBot.Core.Messaging;

namespace CheckinBot.IntegrationTests;

/// <summary>The shared send budget granting every slot at once, recording each grant's priority (what took a slot).</summary>
internal sealed class UnpacedBudget(TimeProvider time) : IRateBudget
{
    public ConcurrentQueue<SendPriority> Grants { get; } = new();

    public Task<long> AcquireAsync(SendPriority priority, CancellationToken cancellationToken)
    {
        Grants.Enqueue(priority);
        return Task.FromResult(time.GetUtcNow().ToUnixTimeSeconds());
    }

    public Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;
}
