using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Registrations;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Storage;

/// <summary>
/// Rows stored before per-person row keys (<c>chat</c>, <c>draft</c>, <c>preferences</c>, <c>exportgrant</c>) are
/// still found after an upgrade, whether a read or the start-up migration reaches them first, and end up under the new
/// keys with nothing lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonRowKeyMigrationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset SnoozedUntil = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RowsUnderTheOldKeys_AreReadAndContinued_AndEndUnderTheNewKeys()
    {
        string grant;
        string prefix;
        await using (var before = new BotHost(azurite, new BotHostOptions { AlexInstalled = false }))
        {
            await before.InitializeAsync();
            prefix = before.TablePrefix;
            var services = before.Services;
            await services.GetRequiredService<IChatRegistrationStore>().TrySaveAsync(Registration("alex"), CancellationToken.None);
            var checkins = services.GetRequiredService<CheckinService>();
            await checkins.StartOrResumeAsync("alex", "weekly:2026-11-30", CancellationToken.None);
            await checkins.HandleAsync("alex", "a1", new DialogueInput.Answer("4"), CancellationToken.None);
            await checkins.SnoozeAsync("bob", SnoozedUntil, CancellationToken.None);
            grant = await services.GetRequiredService<IExportGrantStore>().GetOrCreateAsync("alex", CancellationToken.None);
        }
        await StoreAsTheOldVersionDidAsync(prefix);

        await using var after = new BotHost(azurite, new BotHostOptions { AlexInstalled = false, TablePrefix = prefix });
        await after.InitializeAsync();
        var upgraded = after.Services;
        var registration = await upgraded.GetRequiredService<IChatRegistrationStore>().FindAsync("alex", CancellationToken.None);
        var draft = await upgraded.GetRequiredService<CheckinService>().FindDraftAsync("alex", CancellationToken.None);
        var next = await upgraded.GetRequiredService<CheckinService>().HandleAsync("alex", "a2", new DialogueInput.Answer("Shipped it"), CancellationToken.None);
        var bob = await upgraded.GetRequiredService<CheckinService>().StartScheduledAsync("bob", "weekly:2026-11-30", CancellationToken.None);

        Assert.Equal("a:alex", registration?.ConversationId);
        Assert.Equal("weekly:2026-11-30", draft?.OccurrenceId);
        Assert.Equal(2, next!.Draft.Answers.Count);
        Assert.Equal(ScheduledStartOutcome.Snoozed, bob.Outcome);
        Assert.Equal(grant, await upgraded.GetRequiredService<IExportGrantStore>().FindAsync("alex", CancellationToken.None));

        // The migration's mark is the signal it finished: then no row is left under an old key and none was doubled.
        await WaitForMigrationMarkAsync(prefix);
        var keys = (await KeysAsync(prefix, "registrations")).Concat(await KeysAsync(prefix, "growthlog")).ToList();
        Assert.Contains(("alex", "chat-alex"), keys);
        Assert.Contains(("alex", "draft-alex"), keys);
        Assert.Contains(("alex", "exportgrant-alex"), keys);
        Assert.Contains(("bob", "preferences-bob"), keys);
        Assert.DoesNotContain(keys, k => k.RowKey is "chat" or "draft" or "preferences" or "exportgrant");
    }

    [Fact]
    public async Task AFreshStore_IsMarkedMigrated()
    {
        await using var bot = new BotHost(azurite, new BotHostOptions { AlexInstalled = false });
        await bot.InitializeAsync();

        await WaitForMigrationMarkAsync(bot.TablePrefix);
    }

    /// <summary>Puts every per-person row back under its old shared key and forgets the migration, as before the upgrade.</summary>
    private async Task StoreAsTheOldVersionDidAsync(string prefix)
    {
        foreach (var name in new[] { "registrations", "growthlog" })
        {
            var table = Table(prefix, name);
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                if (!row.RowKey.EndsWith("-" + row.PartitionKey, StringComparison.Ordinal))
                    continue;
                var old = new TableEntity(row.PartitionKey, row.RowKey[..^(row.PartitionKey.Length + 1)]);
                foreach (var (key, value) in row)
                {
                    if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                        old[key] = value;
                }
                await table.AddEntityAsync(old);
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
            }
        }
        await Table(prefix, "settings").DeleteEntityAsync("schema", "person-row-keys", ETag.All);
    }

    private Task WaitForMigrationMarkAsync(string prefix) =>
        Eventually.TrueAsync(async () => (await Table(prefix, "settings").GetEntityIfExistsAsync<TableEntity>("schema", "person-row-keys")).HasValue,
            "the migration to per-person row keys to finish");

    private TableClient Table(string prefix, string name) => new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + name);

    private async Task<List<(string PartitionKey, string RowKey)>> KeysAsync(string prefix, string name)
    {
        var keys = new List<(string, string)>();
        await foreach (var row in Table(prefix, name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            keys.Add((row.PartitionKey, row.RowKey));
        return keys;
    }

    private static ChatRegistration Registration(string userId) => new()
    {
        UserId = userId,
        TenantId = "tenant",
        ChannelUserId = "29:" + userId,
        ConversationId = "a:" + userId,
        ServiceUrl = "https://smba.example/",
    };
}
