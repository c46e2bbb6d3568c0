namespace CheckinBot.Core;

/// <summary>
/// The read–change–conditional-write loop every ETag-guarded update uses, in Core and in the storage adapter: the one
/// way a lost race is retried. (Transient faults are retried by Polly pipelines and <see cref="PassingFaults"/>.)
/// </summary>
public static class OptimisticUpdate
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// Reads, applies <paramref name="change"/> (null = nothing to write), writes only if nobody wrote in between;
    /// on a lost race re-reads and applies the change again. Returns what is stored afterwards.
    /// </summary>
    public static Task<T?> RunAsync<T>(Func<Task<T?>> read, Func<T?, T?> change, Func<T, Task<bool>> trySave, string what)
        where T : class =>
        RetryAsync(async () =>
        {
            var current = await read();
            var next = change(current);
            return next is null ? (true, current) : (await trySave(next), next);
        }, what);

    /// <summary>
    /// <see cref="RunAsync{T}"/> starting from a version already in hand (a claim just written): the first attempt writes
    /// at <paramref name="known"/> without reading, and only a lost race reads again through <paramref name="reread"/>.
    /// </summary>
    public static Task<T?> RunFromAsync<T>(T known, Func<Task<T?>> reread, Func<T?, T?> change, Func<T, Task<bool>> trySave, string what)
        where T : class
    {
        var reads = 0;
        return RunAsync(() => reads++ == 0 ? Task.FromResult<T?>(known) : reread(), change, trySave, what);
    }

    /// <summary>
    /// Runs one read-decide-write attempt until it reports that its write went through (or that nothing needed
    /// writing); a lost race is retried from a fresh read, at most <paramref name="maxAttempts"/> times, then
    /// <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<(bool Written, T Result)>> attempt, string what, int maxAttempts = MaxAttempts)
    {
        for (var i = 1; ; i++)
        {
            var (written, result) = await attempt();
            if (written)
                return result;
            if (i == maxAttempts)
                throw new ConcurrencyConflictException($"{what} kept changing; gave up after {maxAttempts} attempts.");
        }
    }
}
