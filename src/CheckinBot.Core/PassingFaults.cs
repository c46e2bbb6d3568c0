namespace CheckinBot.Core;

/// <summary>
/// Tells a passing fault (a lost race, a timeout, a storage 408/429/5xx, as each adapter's <see cref="IFailureClassifier"/>
/// says) from a bug, and retries a write through the passing ones. Used where giving up would cost a duplicate message:
/// the outcome written after a send.
/// </summary>
public sealed class PassingFaults(IEnumerable<IFailureClassifier> classifiers, TimeProvider timeProvider)
{
    private const int MaxAttempts = 6;

    public bool IsTransient(Exception exception) =>
        exception is ConcurrencyConflictException or TimeoutException or HttpRequestException
        || classifiers.Select(c => c.IsTransient(exception)).FirstOrDefault(t => t is not null) == true;

    /// <summary>Runs <paramref name="write"/>, again after 0.5, 1, 2, 4 and 8 s while it fails in passing; never cancelled.</summary>
    public async Task RetryAsync(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), timeProvider, CancellationToken.None);
            }
        }
    }
}
