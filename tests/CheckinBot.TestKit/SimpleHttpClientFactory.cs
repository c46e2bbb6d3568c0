namespace CheckinBot.TestKit;

/// <summary>Hands out plain HttpClients, for code under test that asks a factory.</summary>
public sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
