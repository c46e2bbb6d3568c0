namespace CheckinBot.Storage;

/// <summary>
/// Whether storage can be used yet. On a fresh deployment the identity's role assignments on the storage account can
/// take minutes to apply: until they do, <c>/health/ready</c> says what it is waiting for instead of the app
/// crash-looping (<see cref="StorageInitializer"/> keeps trying).
/// </summary>
internal sealed class StorageReadiness
{
    private volatile string? _waitingFor = "storage initialisation";

    /// <summary>Null once storage is initialised; else what start-up is waiting for.</summary>
    public string? WaitingFor => _waitingFor;

    public void Waiting(string reason) => _waitingFor = reason;

    public void Ready() => _waitingFor = null;
}
