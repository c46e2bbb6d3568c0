namespace CheckinBot.Core.Messaging;

/// <summary>
/// A one-at-a-time gate whose waiters go in by priority (<see cref="SendPriority.Interactive"/> before
/// <see cref="SendPriority.Bulk"/>), first come first served within one priority.
/// </summary>
public sealed class PriorityGate
{
    private readonly object _lock = new();
    private readonly LinkedList<TaskCompletionSource> _interactive = new();
    private readonly LinkedList<TaskCompletionSource> _bulk = new();
    private bool _held;

    /// <summary>Waits for the gate; the caller must <see cref="Exit"/> once it has entered.</summary>
    public async Task EnterAsync(SendPriority priority, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return;
            }
            node = (priority == SendPriority.Interactive ? _interactive : _bulk).AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        using (cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                    return; // already let in: it owns the gate now
                node.List.Remove(node);
            }
            node.Value.TrySetCanceled(cancellationToken);
        }))
        {
            await node.Value.Task;
        }
    }

    /// <summary>Lets the next waiter in (interactive first), or opens the gate.</summary>
    public void Exit()
    {
        TaskCompletionSource next;
        lock (_lock)
        {
            var queue = _interactive.Count > 0 ? _interactive : _bulk;
            if (queue.First is not { } first)
            {
                _held = false;
                return;
            }
            queue.RemoveFirst();
            next = first.Value;
        }
        next.SetResult();
    }
}
