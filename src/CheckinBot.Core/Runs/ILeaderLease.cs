namespace CheckinBot.Core.Runs;

/// <summary>Exactly one instance at a time does a piece of work (an Azure blob lease): the holder renews it while working.</summary>
public interface ILeaderLease
{
    /// <summary>The lease, held until disposed; null when another instance holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}
