using System.Net;
using System.Net.Http.Json;
using CheckinBot.Core.Cadences;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests;

/// <summary>
/// The one integration host: the real bot (the Web project's Program) on Azurite behind a loopback fake connector, with
/// the knobs in <see cref="BotHostOptions"/> (clock, settings, background work, services, logging, app id and identity,
/// Graph, environment). Alex has installed the bot unless the options say otherwise.
/// </summary>
internal sealed class BotHost(AzuriteFixture azurite, BotHostOptions? options = null) : IAsyncLifetime, IAsyncDisposable
{
    private readonly BotHostOptions _options = options ?? new BotHostOptions();
    private BotApplicationFactory<Program> _factory = null!;
    private WebApplicationFactory<Program> _host = null!;

    public FakeConnector Connector { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _host.Services;

    /// <summary>The prefix of this host's tables in Azurite.</summary>
    public string TablePrefix => _options.TablePrefix ?? _factory.TablePrefix;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        _factory = new BotApplicationFactory<Program>(azurite, Settings());
        _host = _factory.WithWebHostBuilder(b =>
        {
            if (_options.Environment is { } environment)
                b.UseEnvironment(environment);
            if (_options.Logging is { } logging)
                b.ConfigureLogging(logging);
            b.ConfigureTestServices(s =>
            {
                if (_options.Clock is { } clock)
                    s.WithFakeClock(clock);
                if (!_options.BackgroundWork)
                    s.WithoutBackgroundWork();
                if (_options.Graph is not null)
                    s.AddSingleton<Azure.Core.TokenCredential, FakeGraphCredential>();
                _options.Services?.Invoke(s);
            });
        });
        Client = _host.CreateClient();
        if (_options.AlexInstalled)
            await PostAsync(Activities.InstallationUpdate(Connector.ServiceUrl));
    }

    /// <summary>The test defaults, then what the options imply (identity, Graph, table prefix), then the test's own settings.</summary>
    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        if (_options.Identity is { } identity)
        {
            settings["Bot:AppId"] = BotHostOptions.AppId;
            settings["Bot:AppPassword"] = "secret";
            settings["Bot:BotFrameworkOpenIdMetadataUrl"] = identity.BotFrameworkMetadataUrl;
            settings["Bot:Authority"] = identity.Authority;
            settings["Bot:TrustedServiceUrlHosts:0"] = "127.0.0.1";
        }
        if (_options.Graph is { } graph)
        {
            settings["OrgDirectory:Source"] = "Graph";
            settings["Graph:BaseUrl"] = graph.BaseUrl;
        }
        if (_options.TablePrefix is { } prefix)
            settings["Storage:TablePrefix"] = prefix;
        foreach (var (key, value) in _options.Settings ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Also after a start-up that failed part-way (the tests of start-up refusals).</summary>
    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
        if (_factory is not null)
            await _factory.DisposeAsync();
        if (Connector is not null)
            await Connector.DisposeAsync();
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Posts an activity to the bot's messaging endpoint and expects 200.</summary>
    public async Task PostAsync(object activity) =>
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/api/messages", activity)).StatusCode);

    /// <summary>Alex types <paramref name="text"/> in the personal chat.</summary>
    public Task SayAsync(string text) => PostAsync(Activities.Message(Connector.ServiceUrl, text));

    /// <summary>Alex clicks a button whose data is <paramref name="value"/> on the card <paramref name="cardId"/>.</summary>
    public Task ClickAsync(object value, string? cardId = null) =>
        PostAsync(Activities.Message(Connector.ServiceUrl, "", value: value, replyToId: cardId));

    /// <summary>The last activity the bot posted, as JSON.</summary>
    public string LastPosted() => Connector.PostedActivities[^1].GetRawText();

    /// <summary>
    /// Megan installs the bot too, and the cadence <c>weekly-growth</c> ("Weekly growth check-in", Fridays 10:00 in
    /// Berlin) is for Alex and Megan: the org of the run tests.
    /// </summary>
    public async Task AddMeganAndWeeklyCadenceAsync(ReminderPolicy? reminder = null)
    {
        await PostAsync(Activities.InstallationUpdateFor(Connector.ServiceUrl, Megan));
        await Get<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "weekly-growth",
            Name = "Weekly growth check-in",
            Audience = new CadenceAudience { UserIds = [Activities.UserAadId, Megan] },
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Friday, LocalTime = "10:00", TimeZone = "Europe/Berlin" },
            Reminder = reminder ?? new ReminderPolicy(),
        }, CancellationToken.None);
    }

    /// <summary>
    /// The sample onboarding journey (samples/onboarding-journey.json: days 1, 30, 60 and 90) and its four question
    /// sets, created through the admin API as HR would.
    /// </summary>
    public async Task AddSampleJourneyAsync()
    {
        foreach (var day in new[] { 1, 30, 60, 90 })
            await PostJsonAsync("/api/admin/question-sets", Path.Combine(RepoPaths.Root, "samples", "question-sets", $"onboarding-{day}.json"));
        await PostJsonAsync("/api/admin/cadences", Path.Combine(RepoPaths.Root, "samples", "onboarding-journey.json"));
    }

    private async Task PostJsonAsync(string path, string file) =>
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync(path, new StringContent(await File.ReadAllTextAsync(file), System.Text.Encoding.UTF8, "application/json"))).StatusCode);

    public const string Megan = "00000000-0000-0000-0000-0000000000021";
}
