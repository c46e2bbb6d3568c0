using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Handovers;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.TestKit;
using CheckinBot.Web.Background;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Managers;

/// <summary>
/// Managers over HTTP with Azurite and a loopback connector: summaries of shared check-ins, feedback both ways, requests
/// to colleagues, nudges, the team view, and who may see what. Each person has their own 1:1 chat with the bot.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ManagerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Member Alex = new("00000000-0000-0000-0000-0000000000020", "user-id-0", "Alex Wilber");
    private static readonly Member Megan = new("00000000-0000-0000-0000-0000000000021", "user-id-1", "Megan Bowen");
    private static readonly Member Patti = new("00000000-0000-0000-0000-0000000000024", "user-id-4", "Patti Fernandez");

    private readonly MutableOrgDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)); // Monday
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _directory.Put(new Person { Id = Megan.AadId, DisplayName = Megan.Name, Mail = "meganb@contoso.example", TimeZone = "America/New_York" });
        _directory.Put(new Person { Id = Patti.AadId, DisplayName = Patti.Name, TimeZone = "America/Chicago" });
        _directory.Put(new Person { Id = Alex.AadId, DisplayName = Alex.Name, Mail = "alexw@contoso.example", ManagerId = Megan.AadId, TimeZone = "Europe/Berlin" });
        _directory.Put(new Person { Id = "00000000-0000-0000-0000-0000000000099", DisplayName = "Emily Braun", ManagerId = Megan.AadId });
        // Nudges run when a test asks, so their timing is the test's own; summaries and feedback go out as in production.
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time) with
        {
            Services = services => services.AddSingleton<IOrgDirectory>(_directory).AddHostedService<OutboxWorker>(),
            AlexInstalled = false,
        });
        await _bot.InitializeAsync();
        foreach (var member in new[] { Alex, Megan, Patti })
            await PostAsync(member, Activities.Base("installationUpdate", _bot.Connector.ServiceUrl, null) with { Action = "add" });
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task SharedCheckin_ReachesTheManagerOnce_AndFeedbackFlowsBackToTheEmployee()
    {
        await CheckInAsync(Alex, share: true);

        var summary = await WaitForPostAsync(Megan, "Alex Wilber shared a check-in");
        Assert.Contains("Shipped the importer", summary, StringComparison.Ordinal);
        Assert.Contains("my demo", summary, StringComparison.Ordinal); // the feedback request
        Assert.Contains("teams.microsoft.com/l/meeting/new", summary, StringComparison.Ordinal);
        // A second sweep finds nothing to do: the summary went exactly once.
        Assert.Equal(0, await Service<ManagerSummaryDeliveryService>().DeliverPendingAsync(CancellationToken.None));
        Assert.Single(PostsTo(Megan), p => p.Contains("shared a check-in", StringComparison.Ordinal));

        var checkinId = CheckinIdFrom(summary);
        // The check-in's feedback question is now a request waiting for Megan (listed, nudged) until she replies.
        Assert.Equal("my demo", Assert.Single(await Service<IFeedbackStore>().ListOpenAsksForAsync(Megan.AadId, CancellationToken.None)).Topic);
        await ClickAsync(Megan, new { verb = "manager.feedback", employeeId = Alex.AadId, checkinId, feedback = "", praise = "false" }, "summary-1");
        Assert.Contains("Write your feedback in the box first.", PostsTo(Megan)[^1], StringComparison.Ordinal);
        await ClickAsync(Megan, new { verb = "manager.feedback", employeeId = Alex.AadId, checkinId, feedback = "Great work on the importer", praise = "true" }, "summary-1");

        Assert.Contains("Feedback sent", Assert.Single(_bot.Connector.Requests, r => r.Method == "PUT" && r.Path.EndsWith("/summary-1", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.Contains("Great work on the importer", await WaitForPostAsync(Alex, "Feedback from Megan Bowen"), StringComparison.Ordinal);
        Assert.Equal(0, await Service<FeedbackDeliveryService>().DeliverPendingAsync(CancellationToken.None)); // delivered once, nothing left
        Assert.Single(PostsTo(Alex), p => p.Contains("Feedback from Megan Bowen", StringComparison.Ordinal));
        Assert.Empty(await Service<IFeedbackStore>().ListOpenAsksForAsync(Megan.AadId, CancellationToken.None));
        await SayAsync(Alex, "wins");
        Assert.Contains("Praise: Great work on the importer (Megan Bowen)", PostsTo(Alex)[^1], StringComparison.Ordinal);
        await SayAsync(Alex, "feedback");
        Assert.Contains("Great work on the importer", PostsTo(Alex)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateCheckin_ReachesNoOne_AndOnlyTheCurrentManagerMaySeeHistory()
    {
        await CheckInAsync(Alex, share: false);
        Assert.Equal(0, await Service<ManagerSummaryDeliveryService>().DeliverPendingAsync(CancellationToken.None));
        await SayAsync(Megan, "team"); // as the share question promised: nothing of a private check-in, not even its date
        Assert.Contains("none yet", PostsTo(Megan)[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("private", PostsTo(Megan)[^1], StringComparison.OrdinalIgnoreCase);

        await ClickAsync(Patti, new { verb = "manager.history", employeeId = Alex.AadId, checkinId = "x" });
        Assert.Contains("not this person's manager", PostsTo(Patti)[^1], StringComparison.Ordinal);
        await ClickAsync(Megan, new { verb = "manager.history", employeeId = Alex.AadId, checkinId = "x" });
        Assert.Contains("Nothing shared yet.", PostsTo(Megan)[^1], StringComparison.Ordinal);

        // Alex shares, then moves to Patti's team: Megan's old card can no longer read or write anything.
        await CheckInAsync(Alex, share: true);
        var first = await WaitForPostAsync(Megan, "Alex Wilber shared a check-in");
        _directory.Put(_directory.People[Alex.AadId] with { ManagerId = Patti.AadId });
        await ClickAsync(Megan, new { verb = "manager.feedback", employeeId = Alex.AadId, checkinId = CheckinIdFrom(first), feedback = "Late note", praise = "false" }, "summary-1");
        Assert.Contains("not this person's manager", PostsTo(Megan)[^1], StringComparison.Ordinal);
        await ClickAsync(Megan, new { verb = "manager.history", employeeId = Alex.AadId, checkinId = "x" });
        Assert.Contains("not this person's manager", PostsTo(Megan)[^1], StringComparison.Ordinal);

        await CheckInAsync(Alex, share: true);
        await WaitForPostAsync(Patti, "Alex Wilber shared a check-in");
        Assert.Single(PostsTo(Megan), p => p.Contains("shared a check-in", StringComparison.Ordinal));
        Assert.DoesNotContain(PostsTo(Alex), p => p.Contains("Late note", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FeedbackRequest_ToAColleaguePickedByName_OnlyTheyMayAnswer_Once()
    {
        await ClickAsync(Alex, new { verb = "feedback.ask.find", name = "pat", topic = "my demo" }, "form-1");
        Assert.Contains(Patti.AadId, Assert.Single(_bot.Connector.Requests, r => r.Method == "PUT").Body, StringComparison.Ordinal);
        await ClickAsync(Alex, new { verb = "feedback.ask.send", colleague = Patti.AadId, topic = "my demo" }, "form-1");

        var asked = await WaitForPostAsync(Patti, "Alex Wilber asks for your feedback");
        var askId = System.Text.RegularExpressions.Regex.Match(asked, "\"askId\":\"([0-9a-f]+)\"").Groups[1].Value;
        await ClickAsync(Megan, new { verb = "feedback.reply", askId, requesterId = Alex.AadId, text = "Sneaky", praise = "false" });
        Assert.Contains("isn't addressed to you", PostsTo(Megan)[^1], StringComparison.Ordinal);

        await ClickAsync(Patti, new { verb = "feedback.reply", askId, requesterId = Alex.AadId, text = "Clear story, slow start", praise = "false" }, "ask-1");
        await ClickAsync(Patti, new { verb = "feedback.reply", askId, requesterId = Alex.AadId, text = "Again", praise = "false" }, "ask-1");

        Assert.Contains("already answered", PostsTo(Patti)[^1], StringComparison.Ordinal);
        Assert.Contains("Clear story, slow start", await WaitForPostAsync(Alex, "Feedback from Patti Fernandez"), StringComparison.Ordinal);
        Assert.Equal(0, await Service<FeedbackDeliveryService>().DeliverPendingAsync(CancellationToken.None));
        Assert.Single(PostsTo(Alex), p => p.Contains("Feedback from Patti Fernandez", StringComparison.Ordinal));
        Assert.DoesNotContain(PostsTo(Alex), p => p.Contains("Sneaky", StringComparison.Ordinal) || p.Contains("\"Again\"", StringComparison.Ordinal));
        Assert.Empty(await Service<IFeedbackStore>().ListOpenAsksForAsync(Patti.AadId, CancellationToken.None));
    }

    [Fact]
    public async Task FeedbackRequest_ThrottledAtLength_WaitsInTheOutboxUntilDue_AndAnAmbiguousSendIsNeverRepeated()
    {
        _bot.Connector.Enqueue(429, retryAfter: "120", forPathContaining: Megan.ChatId); // longer than the pipeline waits inline: the outbox waits instead
        await ClickAsync(Alex, new { verb = "feedback.ask.send", colleague = Megan.AadId, topic = "my roadmap" }, "form-1");
        var askId = Assert.Single(await Service<IFeedbackStore>().ListAsksByAsync(Alex.AadId, CancellationToken.None)).Id;
        var throttled = await Eventually.ReadAsync(() => Service<CheckinBot.Core.Feedback.IFeedbackDeliveryStore>().FindDeliveryAsync(Alex.AadId, askId, CancellationToken.None),
            d => d?.LastError is not null, "the throttled delivery recorded");
        Assert.Equal((DeliveryStatus.Pending, 1), (throttled!.Status, throttled.Attempts));

        // Not due yet: a sweep finds nothing (the outbox's due time, as Azurite filters it).
        Assert.Equal(0, await Service<FeedbackDeliveryService>().DeliverPendingAsync(CancellationToken.None));
        _bot.Connector.Enqueue(504, forPathContaining: Megan.ChatId); // then Teams' answer is lost: it may have arrived
        _time.Advance(TimeSpan.FromSeconds(121));
        await Service<FeedbackDeliveryService>().DeliverPendingAsync(CancellationToken.None);
        await Eventually.ReadAsync(() => Service<CheckinBot.Core.Feedback.IFeedbackDeliveryStore>().FindDeliveryAsync(Alex.AadId, askId, CancellationToken.None),
            d => d?.Status == DeliveryStatus.Unconfirmed, "the ambiguous send recorded as unconfirmed");

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Service<FeedbackDeliveryService>().DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(2, PostsTo(Megan).Count(p => p.Contains("asks for your feedback", StringComparison.Ordinal))); // the throttled one and the unconfirmed one
    }

    [Fact]
    public async Task Nudge_AfterThreeDays_OnlyInTheirWorkingHours_AtMostOncePerLocalDay()
    {
        await ClickAsync(Alex, new { verb = "feedback.ask.send", colleague = Megan.AadId, topic = "my roadmap" }, "form-1");
        await WaitForPostAsync(Megan, "asks for your feedback");
        var nudges = Service<FeedbackNudgeService>();

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 14, 59, 0, TimeSpan.Zero)); // Thursday 09:59 in New York: not three days yet
        Assert.Equal(0, await nudges.NudgeDueAsync(CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)); // Friday 07:00 in New York
        Assert.Equal(0, await nudges.NudgeDueAsync(CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero)); // 09:00
        Assert.Equal(1, await nudges.NudgeDueAsync(CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero)); // 15:00, same day
        Assert.Equal(0, await nudges.NudgeDueAsync(CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero)); // Saturday
        Assert.Equal(0, await nudges.NudgeDueAsync(CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)); // Monday
        Assert.Equal(1, await nudges.NudgeDueAsync(CancellationToken.None));

        Assert.Equal(2, PostsTo(Megan).Count(p => p.Contains("A gentle reminder: Alex Wilber asked for your feedback", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AwaySaidInChat_NeedsNoGraph_ShowsInTheTeam_AndHoldsTheManagersNudgeUntilTheyAreBack()
    {
        await SayAsync(Alex, "away until 7 Dec");
        await WaitForPostAsync(Alex, "Got it: you're away, back on Monday 7 December.");
        await SayAsync(Megan, "team");
        Assert.Contains("\"title\":\"Away\",\"value\":\"back 7 Dec 2026\"", PostsTo(Megan)[^1], StringComparison.Ordinal); // in Alex's zone, Berlin
        await SayAsync(Alex, "back");
        await WaitForPostAsync(Alex, "Welcome back!");

        await ClickAsync(Alex, new { verb = "feedback.ask.send", colleague = Megan.AadId, topic = "my roadmap" }, "form-1");
        await WaitForPostAsync(Megan, "asks for your feedback");
        await SayAsync(Megan, "away until 30 Nov"); // the manager is off until Monday
        await WaitForPostAsync(Megan, "back on Monday 30 November");
        var nudges = Service<FeedbackNudgeService>();

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero)); // Friday 09:00 in New York: due, but she is away
        Assert.Equal(0, await nudges.NudgeDueAsync(CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero)); // Monday 09:00: back
        Assert.Equal(1, await nudges.NudgeDueAsync(CancellationToken.None));
        Assert.Single(PostsTo(Megan), p => p.Contains("A gentle reminder: Alex Wilber asked for your feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Team_ListsCurrentReports_WithSharedCheckinsAndWhoCannotBeReached()
    {
        await CheckInAsync(Alex, share: true);
        await WaitForPostAsync(Megan, "Alex Wilber shared a check-in");

        await SayAsync(Megan, "team");

        var team = PostsTo(Megan)[^1];
        Assert.Contains("Alex Wilber", team, StringComparison.Ordinal);
        Assert.Contains("Last shared check-in", team, StringComparison.Ordinal);
        Assert.DoesNotContain("none yet", team.Split("Emily Braun")[0], StringComparison.Ordinal);
        Assert.Contains("Emily Braun", team, StringComparison.Ordinal);
        Assert.Contains("hasn't installed CheckinBot yet", team, StringComparison.Ordinal);
        Assert.DoesNotContain("Patti", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerChange_AsksThePerson_AndOnYesTheNewManagerGetsOnlyWhatWasShared_Once()
    {
        await CheckInAsync(Alex, share: true);
        await WaitForPostAsync(Megan, "Alex Wilber shared a check-in");

        var handoverId = await MoveAlexToPattiAsync();
        await WaitForPostAsync(Megan, "Alex Wilber now reports to Patti Fernandez.");
        await ClickAsync(Alex, new { verb = "handover.yes", handoverId }, "ask-1");

        Assert.Contains("Done: Patti Fernandez gets a summary", ReplacedCard("ask-1"), StringComparison.Ordinal);
        var history = await WaitForPostAsync(Patti, "Alex Wilber shared their growth history with you");
        Assert.Contains("Shipped the importer", history, StringComparison.Ordinal);
        Assert.Contains("1 shared check-in", history, StringComparison.Ordinal);
        // A second yes (a double click) moves nothing more; the handover has nothing left to send.
        await ClickAsync(Alex, new { verb = "handover.yes", handoverId }, "ask-1");
        Assert.Contains("You answered this already", ReplacedCard("ask-1"), StringComparison.Ordinal);
        Assert.Equal(0, await Service<HandoverDeliveryService>().DeliverPendingAsync(CancellationToken.None));
        Assert.Single(PostsTo(Patti), p => p.Contains("growth history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManagerChange_OnNo_NothingMoves()
    {
        await CheckInAsync(Alex, share: true);
        await WaitForPostAsync(Megan, "Alex Wilber shared a check-in");
        var handoverId = await MoveAlexToPattiAsync();

        await ClickAsync(Alex, new { verb = "handover.no", handoverId }, "ask-1");

        Assert.Contains("Nothing was shared: Patti Fernandez starts from what you share from now on.", ReplacedCard("ask-1"), StringComparison.Ordinal);
        // The handover is over once the former manager has been told: then nothing is left for Patti.
        await WaitForPostAsync(Megan, "Alex Wilber now reports to Patti Fernandez.");
        var done = await Eventually.ReadAsync(() => Service<IHandoverStore>().FindAsync(Alex.AadId, handoverId, CancellationToken.None),
            h => h is { IsPending: false }, "the handover with nothing left to send");
        Assert.Equal(false, done!.Consented);
        Assert.DoesNotContain(PostsTo(Patti), p => p.Contains("growth history", StringComparison.Ordinal));
    }

    /// <summary>The org sync's part: Alex now reports to Patti; returns the handover's id from the question Alex gets.</summary>
    private async Task<string> MoveAlexToPattiAsync()
    {
        _directory.Put(new Person { Id = Alex.AadId, DisplayName = Alex.Name, Mail = "alexw@contoso.example", ManagerId = Patti.AadId, TimeZone = "Europe/Berlin" });
        await Service<HandoverService>().StartAsync([new ManagerChange(Alex.AadId, Megan.AadId, Patti.AadId)], CancellationToken.None);
        var ask = await WaitForPostAsync(Alex, "You now report to Patti Fernandez");
        Assert.Contains("1 shared check-in and 0 active goals", ask, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Match(ask, "\"handoverId\":\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>The card a button's answer put in place of <paramref name="cardId"/> (the last replacement).</summary>
    private string ReplacedCard(string cardId) =>
        Readable(_bot.Connector.Requests.Last(r => r.Method == "PUT" && r.Path.EndsWith("/" + cardId, StringComparison.Ordinal)).Body);

    private async Task CheckInAsync(Member member, bool share)
    {
        await SayAsync(member, "check in");
        foreach (var answer in new[] { "4", "Shipped the importer", "skip", "skip", "no", "my demo" })
            await SayAsync(member, answer);
        await SayAsync(member, share ? "share" : "private");
    }

    private async Task PostAsync(Member member, Activities.ActivityJson activity)
    {
        var response = await _bot.Client.PostAsJsonAsync("/api/messages", activity with
        {
            From = new Activities.Account(member.TeamsId, member.Name, member.AadId),
            Conversation = new Activities.Conversation(member.ChatId, "personal", Activities.TenantId),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task SayAsync(Member member, string text) => PostAsync(member, Activities.Base("message", _bot.Connector.ServiceUrl, null) with { Text = text });

    private Task ClickAsync(Member member, object value, string? cardId = null) =>
        PostAsync(member, Activities.Base("message", _bot.Connector.ServiceUrl, null) with { Text = "", Value = value, ReplyToId = cardId });

    private List<string> PostsTo(Member member) =>
        [.. _bot.Connector.Requests.Where(r => r.Method == "POST" && r.Path.Contains($"/{member.ChatId}/activities", StringComparison.Ordinal)).Select(r => Readable(r.Body))];

    /// <summary>The body with JSON escapes undone (apostrophes, ampersands), so assertions read like the card.</summary>
    private static string Readable(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, Relaxed);

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<string> WaitForPostAsync(Member member, string text) =>
        (await Eventually.ReadAsync(() => Task.FromResult(PostsTo(member).FirstOrDefault(p => p.Contains(text, StringComparison.Ordinal))),
            post => post is not null, $"a post containing '{text}' to {member.Name}"))!;

    private static string CheckinIdFrom(string summaryJson) =>
        System.Text.RegularExpressions.Regex.Match(summaryJson, "\"checkinId\":\"([0-9a-f]+)\"").Groups[1].Value;

    private T Service<T>() where T : notnull => _bot.Services.GetRequiredService<T>();

    private sealed record Member(string AadId, string TeamsId, string Name)
    {
        public string ChatId => "chat-" + TeamsId;
    }
}

/// <summary>A directory a test can change while the bot runs (a manager change takes effect at once).</summary>
internal sealed class MutableOrgDirectory : IOrgDirectory
{
    private readonly ConcurrentDictionary<string, Person> _people = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Person> People => _people;

    public void Put(Person person) => _people[person.Id] = person;

    public Task<Person?> FindAsync(string personId, CancellationToken cancellationToken) => Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<IReadOnlyList<Person>> DirectReportsAsync(string managerId, CancellationToken cancellationToken) =>
        new InMemoryOrgDirectory(_people.Values).DirectReportsAsync(managerId, cancellationToken);

    public Task<IReadOnlyList<Person>> SearchAsync(string text, int max, CancellationToken cancellationToken) =>
        new InMemoryOrgDirectory(_people.Values).SearchAsync(text, max, cancellationToken);

    public IAsyncEnumerable<Person> ListEveryoneAsync(CancellationToken cancellationToken) =>
        new InMemoryOrgDirectory(_people.Values).ListEveryoneAsync(cancellationToken);
}
