using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Tests.Messaging;

public sealed class PriorityGateTests
{
    [Fact]
    public async Task Exit_LetsAnInteractiveWaiterInBeforeBulkOnesThatCameFirst()
    {
        var gate = new PriorityGate();
        await gate.EnterAsync(SendPriority.Bulk, CancellationToken.None);
        var order = new List<string>();
        var bulk = EnterThenRecordAsync(gate, SendPriority.Bulk, "bulk", order);
        var interactive = EnterThenRecordAsync(gate, SendPriority.Interactive, "interactive", order);

        gate.Exit();
        await Task.WhenAll(bulk, interactive);

        Assert.Equal(["interactive", "bulk"], order);
    }

    [Fact]
    public async Task AWaiterThatGivesUp_LeavesTheLine_AndTheNextOneGetsIn()
    {
        var gate = new PriorityGate();
        await gate.EnterAsync(SendPriority.Bulk, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var leaving = gate.EnterAsync(SendPriority.Interactive, cancel.Token);
        var staying = gate.EnterAsync(SendPriority.Bulk, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        gate.Exit();

        await staying.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(gate.EnterAsync(SendPriority.Interactive, CancellationToken.None).IsCompleted); // still held by 'staying'
    }

    private static async Task EnterThenRecordAsync(PriorityGate gate, SendPriority priority, string name, List<string> order)
    {
        await gate.EnterAsync(priority, CancellationToken.None);
        lock (order)
            order.Add(name);
        gate.Exit();
    }
}
