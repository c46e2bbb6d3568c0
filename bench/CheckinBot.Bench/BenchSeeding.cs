using CheckinBot.Core.Registrations;
using CheckinBot.TestKit;

namespace CheckinBot.Bench;

/// <summary>What the in-process scenarios share: everyone registered in a personal chat at the emulator, and the peak rate.</summary>
internal static class BenchSeeding
{
    /// <summary>Everyone has the bot, in a personal chat <c>a:{id}</c> at <paramref name="serviceUrl"/> (no welcome messages sent).</summary>
    public static Task RegisterEveryoneAsync(IChatRegistrationStore registrations, IEnumerable<string> ids, string serviceUrl, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, ct) =>
            await registrations.TrySaveAsync(new ChatRegistration
            {
                UserId = id, TenantId = Activities.TenantId, ChannelUserId = "29:" + id, BotChannelId = Activities.BotId,
                ConversationId = "a:" + id, ServiceUrl = serviceUrl,
            }, ct));

    /// <summary>The most deliveries in any sliding window of this length.</summary>
    public static int Peak(IReadOnlyList<DateTimeOffset> deliveredAt, TimeSpan window)
    {
        var times = deliveredAt.Order().ToList();
        var peak = 0;
        for (int first = 0, last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= window)
                first++;
            peak = Math.Max(peak, last - first + 1);
        }
        return peak;
    }
}
