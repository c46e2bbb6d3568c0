namespace CheckinBot.Core.GrowthLog;

/// <summary>Erases everything a person wrote: drafts, check-ins, goals, feedback, hand-offs.</summary>
public interface IPersonalDataEraser
{
    /// <summary>Returns how many records went.</summary>
    Task<int> EraseAsync(string userId, CancellationToken cancellationToken);
}
