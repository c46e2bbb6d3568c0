using System.Net;
using System.Net.Http.Json;
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

    public async Task PostAsync(object activity) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages", activity)).StatusCode);
}
