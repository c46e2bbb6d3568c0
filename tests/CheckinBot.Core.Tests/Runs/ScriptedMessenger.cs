using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Tests.Runs;

/// <summary>The messaging port with scripted outcomes per person (Sent unless told otherwise), recording every send.</summary>
internal sealed class ScriptedMessenger : IPersonMessenger
{
    private readonly Dictionary<string, Queue<DeliveryResult>> _scripts = [];
    private readonly List<(string UserId, OutboundMessage Message)> _sent = [];

    public HashSet<string> Unreachable { get; } = [];

    public IReadOnlyList<(string UserId, OutboundMessage Message)> Sent { get { lock (_sent) return [.. _sent]; } }

    public int SendsTo(string userId) => Sent.Count(s => s.UserId == userId);

    /// <summary>The next sends to the person end like this, in order; after them, Sent.</summary>
    public void Script(string userId, params DeliveryResult[] results)
    {
        lock (_scripts)
            _scripts[userId] = new Queue<DeliveryResult>(results);
    }

    public Task<DeliveryResult> SendAsync(string userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        lock (_sent)
            _sent.Add((userId, message));
        lock (_scripts)
            return Task.FromResult(_scripts.TryGetValue(userId, out var script) && script.TryDequeue(out var next) ? next : new DeliveryResult(DeliveryOutcome.Sent, MessageId: "m-" + userId));
    }

    public Task<DeliveryResult?> EnsureReachableAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Unreachable.Contains(userId) ? new DeliveryResult(DeliveryOutcome.Unreachable, Reason: "NotInstalled") : null);
}
