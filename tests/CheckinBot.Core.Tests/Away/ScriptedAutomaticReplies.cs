using CheckinBot.Core.Away;

namespace CheckinBot.Core.Tests.Away;

/// <summary>Outlook as a test says it is: each person's automatic-replies period, or a refusal; counts the reads.</summary>
public sealed class ScriptedAutomaticReplies : IAutomaticReplies
{
    private readonly Dictionary<string, AwayPeriod?> _periods = new(StringComparer.OrdinalIgnoreCase);

    public string? Refusal { get; set; }

    public int Reads { get; private set; }

    public List<string> ReadFor { get; } = [];

    public void Away(string userId, DateTimeOffset? start, DateTimeOffset? end) => _periods[userId] = new AwayPeriod(start, end, AwaySource.AutomaticReplies);

    public Task<AutomaticRepliesRead> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        Reads++;
        ReadFor.AddRange(userIds);
        return Task.FromResult(Refusal is { } refusal
            ? new AutomaticRepliesRead(new Dictionary<string, AwayPeriod?>(), refusal)
            : new AutomaticRepliesRead(userIds.ToDictionary(id => id, id => _periods.GetValueOrDefault(id))));
    }
}
