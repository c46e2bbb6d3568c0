namespace CheckinBot.Core;

/// <summary>The read–change–conditional-write loop every ETag-guarded update in Core uses.</summary>
internal static class OptimisticUpdate
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// Reads, applies <paramref name="change"/> (null = nothing to write), writes only if nobody wrote in between;
    /// on a lost race re-reads and applies the change again. Returns what is stored afterwards.
    /// </summary>
    public static async Task<T?> RunAsync<T>(Func<Task<T?>> read, Func<T?, T?> change, Func<T, Task<bool>> trySave, string what)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await read();
            var next = change(current);
            if (next is null)
                return current;
            if (await trySave(next))
                return next;
            if (attempt == MaxAttempts)
                throw new ConcurrencyConflictException($"{what} kept changing; gave up after {MaxAttempts} attempts.");
        }
    }
}
