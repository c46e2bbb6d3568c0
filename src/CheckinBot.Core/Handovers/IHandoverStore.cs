namespace CheckinBot.Core.Handovers;

public interface IHandoverStore
{
    Task<ManagerHandover?> FindAsync(string personId, string handoverId, CancellationToken cancellationToken);

    /// <summary>Writes at its version; a handover without one is added only if its id is new. False when someone wrote first.</summary>
    Task<bool> TrySaveAsync(ManagerHandover handover, CancellationToken cancellationToken);
}
