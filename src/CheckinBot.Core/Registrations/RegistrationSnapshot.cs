namespace CheckinBot.Core.Registrations;

/// <summary>
/// Who can be reached, for whole-org forecasts (the cadence preview): every registration read with one scan and kept
/// for <see cref="MaxAge"/>, so HR previewing cadence after cadence pays for the scan once (on Azurite a scan of
/// 100,000 rows takes seconds: docs/performance.md). Sends never use it; they read the person's registration.
/// </summary>
public sealed class RegistrationSnapshot(IChatRegistrationStore registrations, TimeProvider timeProvider) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _scan = new(1, 1);
    private volatile KnownRegistrations? _current;

    /// <summary>The snapshot, read again first when it is older than <see cref="MaxAge"/> (one scan at a time).</summary>
    public async Task<KnownRegistrations> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
            return fresh;
        await _scan.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } scannedMeanwhile)
                return scannedMeanwhile;
            var asOf = timeProvider.GetUtcNow();
            // Zones are a few dozen strings shared by everyone: one copy each.
            var zones = new Dictionary<string, string>(StringComparer.Ordinal);
            var people = new Dictionary<string, RegisteredPerson>(StringComparer.OrdinalIgnoreCase);
            await foreach (var r in registrations.ListAllAsync(cancellationToken))
                people[r.UserId] = r.TimeZone is { } zone ? r with { TimeZone = zones.TryGetValue(zone, out var shared) ? shared : zones[zone] = zone } : r;
            return _current = new KnownRegistrations(asOf, people);
        }
        finally
        {
            _scan.Release();
        }
    }

    private KnownRegistrations? Fresh() => _current is { } current && timeProvider.GetUtcNow() - current.AsOf < MaxAge ? current : null;

    public void Dispose() => _scan.Dispose();
}
