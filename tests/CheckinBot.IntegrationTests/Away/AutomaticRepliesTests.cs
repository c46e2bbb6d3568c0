using CheckinBot.Core.Away;
using CheckinBot.Core.Managers;
using CheckinBot.TestKit;
using Microsoft.Extensions.Logging;

namespace CheckinBot.IntegrationTests.Away;

/// <summary>
/// Outlook's automatic replies through a loopback Graph that answers <c>mailboxSettings</c> in <c>$batch</c> as Graph
/// does: off, always on, scheduled across now, scheduled later in the week, in Outlook's own (Windows) zone names; and
/// refused without consent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AutomaticRepliesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Off = "eeeeeeee-0000-0000-0000-000000000001";
    private const string AlwaysOn = "eeeeeeee-0000-0000-0000-000000000002";
    private const string OnHolidayNow = "eeeeeeee-0000-0000-0000-000000000003";
    private const string OffLaterThisWeek = "eeeeeeee-0000-0000-0000-000000000004";
    private static readonly string[] Everyone = [Off, AlwaysOn, OnHolidayNow, OffLaterThisWeek];

    private readonly CollectingLoggerProvider _logs = new(LogLevel.Information);
    private FakeGraph _graph = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.Put(new GraphUser(BotHost.Megan, "Megan Bowen"));
        _graph.Put(new GraphUser(Activities.UserAadId, "Alex Wilber", ManagerId: BotHost.Megan));
        foreach (var (id, i) in Everyone.Select((id, i) => (id, i)))
            _graph.Put(new GraphUser(id, $"Colleague {i}", ManagerId: BotHost.Megan));
        _bot = new BotHost(azurite, new BotHostOptions { Graph = _graph, AlexInstalled = false, Logging = l => l.AddProvider(_logs) });
        await _bot.InitializeAsync();
        await Eventually.TrueAsync(async () => (await _bot.Get<Core.Org.IOrgDirectory>().DirectReportsAsync(BotHost.Megan, CancellationToken.None)).Count == 5,
            "the org sync has Megan's reports");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task EachSetting_ReadInOneBatch_SaysWhetherAndUntilWhenSomeoneIsAway_AndNoReplyTextIsKept()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        _graph.SetAutomaticReplies(AlwaysOn, "alwaysEnabled");
        // Pacific time, as Outlook names it: from yesterday until the day after tomorrow, 17:00 local.
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var returnLocal = TimeZoneInfo.ConvertTimeFromUtc(now, pacific).Date.AddDays(2).AddHours(17);
        _graph.SetAutomaticReplies(OnHolidayNow, "scheduled", TimeZoneInfo.ConvertTimeFromUtc(now, pacific).AddDays(-1), returnLocal, "Pacific Standard Time");
        _graph.SetAutomaticReplies(OffLaterThisWeek, "scheduled", now.AddDays(2), now.AddDays(4));
        _graph.ResetCounters();

        var away = await AwayAsync();

        Assert.Equal(1, _graph.BatchRequests);
        Assert.Equal(4, _graph.MailboxReads);
        Assert.DoesNotContain(Off, away.Keys);
        Assert.Equal(new AwayPeriod(null, null, AwaySource.AutomaticReplies), away[AlwaysOn]);
        Assert.Equal(new DateTimeOffset(returnLocal, pacific.GetUtcOffset(returnLocal)), away[OnHolidayNow].End);
        Assert.True(away[OnHolidayNow].Covers(TimeProvider.System.GetUtcNow()));
        Assert.False(away[OffLaterThisWeek].Covers(TimeProvider.System.GetUtcNow())); // known, not yet
        Assert.True(away[OffLaterThisWeek].Covers(TimeProvider.System.GetUtcNow().AddDays(3)));

        // Read again within the hours it is remembered: Graph is not asked.
        await AwayAsync();
        Assert.Equal(4, _graph.MailboxReads);

        var team = await _bot.Get<TeamService>().TeamAsync(BotHost.Megan, CancellationToken.None);
        Assert.Equal([AlwaysOn, OnHolidayNow], team.Where(m => m.Away is not null).Select(m => m.Person.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("Lisbon", StringComparison.Ordinal)); // what people wrote in Outlook
    }

    [Fact]
    public async Task InChat_AwayAndBack_WorkBesideOutlook_AndBackSaysWhenOutlookStillHoldsThem()
    {
        await _bot.SayAsync("away until 12 Jan");
        Assert.Contains("you're away, back on", Posted(), StringComparison.Ordinal);
        _graph.SetAutomaticReplies(Activities.UserAadId, "alwaysEnabled");

        await _bot.SayAsync("back");

        Assert.Contains("Welcome back!", Posted(), StringComparison.Ordinal);
        Assert.Contains("Your Outlook automatic replies are still on, so I keep holding check-ins", Posted(), StringComparison.Ordinal);
        Assert.NotNull(await _bot.Get<AwayService>().FindAsync(Activities.UserAadId, CancellationToken.None));
    }

    /// <summary>Who of <see cref="Everyone"/> is known to be away, read as the team view reads them: one batch, then each.</summary>
    private async Task<Dictionary<string, AwayPeriod>> AwayAsync()
    {
        var away = _bot.Get<AwayService>();
        await away.PrefetchAsync(Everyone, CancellationToken.None);
        var known = new Dictionary<string, AwayPeriod>();
        foreach (var id in Everyone)
        {
            if (await away.FindAsync(id, CancellationToken.None) is { } period)
                known[id] = period;
        }
        return known;
    }

    private string Posted() => System.Text.RegularExpressions.Regex.Unescape(_bot.LastPosted());

    [Fact]
    public async Task WithoutMailboxConsent_NobodyIsKnownToBeAway_LoggedOnce_AndGraphIsLeftAloneForAnHour()
    {
        _graph.MailboxSettingsForbidden = true;
        _graph.SetAutomaticReplies(AlwaysOn, "alwaysEnabled");

        Assert.Empty(await AwayAsync());
        Assert.Empty(await AwayAsync());

        Assert.Equal(4, _graph.MailboxReads);
        var refused = Assert.Single(_logs.Entries, e => e.Message.StartsWith("Outlook automatic replies could not be read", StringComparison.Ordinal));
        Assert.Contains("MailboxSettings.Read is not granted", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.Exception);
    }
}
