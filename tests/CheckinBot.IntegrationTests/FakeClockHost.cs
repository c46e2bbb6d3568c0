using System.Net;
using System.Net.Http.Json;
using CheckinBot.Core.Cadences;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests;

/// <summary>
/// The real host on Azurite with a fake clock and no background workers (the test runs their work at the moments it
/// chooses), and Alex, who installed the bot, behind a fake connector.
/// </summary>
internal sealed class FakeClockHost(AzuriteFixture azurite, FakeTimeProvider time) : IAsyncLifetime
{
    private BotApplicationFactory _factory = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public FakeConnector Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        _factory = new BotApplicationFactory(azurite);
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.WithFakeClock(time).WithoutBackgroundWork()));
        _client = _host.CreateClient();
        await PostAsync(Activities.InstallationUpdate(Connector.ServiceUrl));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

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

    public const string Megan = "00000000-0000-0000-0000-0000000000021";

    public async Task PostAsync(object activity) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages", activity)).StatusCode);
}
