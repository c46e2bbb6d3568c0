namespace CheckinBot.Core.Away;

/// <summary>Without Graph (the org CSV, local mode): nobody is known to be away but by what they say in chat.</summary>
public sealed class NoAutomaticReplies : IAutomaticReplies
{
    public Task<AutomaticRepliesRead> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        Task.FromResult(AutomaticRepliesRead.None);
}
