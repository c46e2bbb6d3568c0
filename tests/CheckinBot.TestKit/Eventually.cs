namespace CheckinBot.TestKit;

/// <summary>
/// Waits for something the system does in the background (a run finishing, a message arriving), polling every 50 ms,
/// and fails with what it waited for after <c>timeout</c> (10 s unless given). The one polling loop of the tests.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads until <paramref name="done"/> holds for what was read, and returns that.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (TimeProvider.System.GetTimestamp() > deadline)
                throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(Poll);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ReadAsync(condition, ok => ok, what, timeout);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ReadAsync(() => Task.FromResult(condition()), ok => ok, what, timeout);
}
