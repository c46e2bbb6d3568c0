using CheckinBot.Core.Messaging;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>The shared send budget on Azurite: two instances together never take more than the budget in any second.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RateBudgetTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoInstances_TogetherStayWithinTheBudgetInEverySecond()
    {
        await using var instances = await TwoInstances.StartAsync(azurite, perSecond: 5);
        var budgets = instances.Budgets;

        var grants = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => budgets[i % 2].AcquireAsync(SendPriority.Bulk, CancellationToken.None)));

        Assert.Equal(24, grants.Length);
        Assert.All(grants.GroupBy(s => s), second => Assert.InRange(second.Count(), 1, 5));
        Assert.True(grants.Distinct().Count() >= 5, "24 slots at 5 a second need at least 5 seconds");
    }

    [Fact]
    public async Task ManySendersAtTheFanoutBudget_KeepGettingSlots_AtMostTheBudgetEachSecond()
    {
        await using var host = new BotHost(azurite, new BotHostOptions { AlexInstalled = false, Settings = new Dictionary<string, string?> { ["Teams:MaxRequestsPerSecond"] = "45" } });
        await host.InitializeAsync();
        var budget = host.Get<IRateBudget>();

        // 32 senders in flight (8 chunks × 4) taking three seconds' worth of slots: a budget that stalls fails here.
        var grants = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async sender =>
        {
            for (var i = sender; i < 135; i += 32)
                grants.Add(await budget.AcquireAsync(SendPriority.Bulk, CancellationToken.None));
        })).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(135, grants.Count);
        Assert.All(grants.GroupBy(s => s), second => Assert.InRange(second.Count(), 1, 45));
    }

    [Fact]
    public async Task TwoInstancesWithManySenders_InAnySlidingSecond_UseAtMostTheBudgetAndATenth()
    {
        await using var instances = await TwoInstances.StartAsync(azurite, perSecond: 20);
        var budgets = instances.Budgets;

        // Teams counts a sliding window, not calendar seconds: 8 senders per instance taking 80 slots in all.
        var granted = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async sender =>
        {
            for (var i = sender; i < 80; i += 16)
            {
                await budgets[sender % 2].AcquireAsync(SendPriority.Bulk, CancellationToken.None);
                granted.Add(TimeProvider.System.GetTimestamp());
            }
        })).WaitAsync(TimeSpan.FromSeconds(30));

        var times = granted.Order().ToArray();
        var window = TimeProvider.System.TimestampFrequency;
        var most = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < window).Count()).Max();
        Assert.Equal(80, times.Length);
        Assert.True(most <= 22, $"{most} slots within one second against a budget of 20");
    }

    /// <summary>Two bot hosts on the same storage account and tables (one deployment), each with its own budget object.</summary>
    private sealed class TwoInstances(BotHost first, BotHost second) : IAsyncDisposable
    {
        public IRateBudget[] Budgets { get; } = [first.Get<IRateBudget>(), second.Get<IRateBudget>()];

        public static async Task<TwoInstances> StartAsync(AzuriteFixture azurite, int perSecond)
        {
            var budget = new Dictionary<string, string?> { ["Teams:MaxRequestsPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var first = new BotHost(azurite, new BotHostOptions { AlexInstalled = false, Settings = budget });
            await first.InitializeAsync();
            var second = new BotHost(azurite, new BotHostOptions { AlexInstalled = false, Settings = budget, TablePrefix = first.TablePrefix });
            await second.InitializeAsync();
            return new TwoInstances(first, second);
        }

        public async ValueTask DisposeAsync()
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }
}
