using CheckinBot.Core.Messaging;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests;

/// <summary>The shared send budget on Azurite: two instances together never take more than the budget in any second.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RateBudgetTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoInstances_TogetherStayWithinTheBudgetInEverySecond()
    {
        await using var first = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["Teams:MaxRequestsPerSecond"] = "5" });
        _ = first.Server;
        await using var second = new BotApplicationFactory(azurite, new Dictionary<string, string?>
        {
            ["Teams:MaxRequestsPerSecond"] = "5",
            ["Storage:TablePrefix"] = first.TablePrefix, // the same storage account and tables: one deployment
        });
        _ = second.Server;
        var budgets = new[] { first.Services.GetRequiredService<IRateBudget>(), second.Services.GetRequiredService<IRateBudget>() };

        var grants = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => budgets[i % 2].AcquireAsync(CancellationToken.None)));

        Assert.Equal(24, grants.Length);
        Assert.All(grants.GroupBy(s => s), second => Assert.InRange(second.Count(), 1, 5));
        Assert.True(grants.Distinct().Count() >= 5, "24 slots at 5 a second need at least 5 seconds");
    }
}
