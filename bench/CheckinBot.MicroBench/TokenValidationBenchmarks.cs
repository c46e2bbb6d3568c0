using BenchmarkDotNet.Attributes;
using CheckinBot.Teams;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;
using CheckinBot.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CheckinBot.MicroBench;

/// <summary>Every inbound activity's Bot Connector token: signature, issuer, audience, lifetime, endorsement, serviceurl.</summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const string AppId = "5b1c0b9e-7d53-4a2b-9c61-3f1f0c2b7a11";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private readonly Activity _activity = new() { Type = "message", ChannelId = "msteams", ServiceUrl = ServiceUrl };
    private FakeIdentityProvider _idp = null!;
    private InboundTokenValidator _validator = null!;
    private string _header = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _idp = await FakeIdentityProvider.StartAsync();
        _validator = new InboundTokenValidator(
            Options.Create(new BotOptions
            {
                AppId = AppId,
                TenantId = FakeIdentityProvider.TenantId,
                BotFrameworkOpenIdMetadataUrl = _idp.BotFrameworkMetadataUrl,
                Authority = _idp.Authority,
            }),
            new OpenIdMetadataCache(new SimpleHttpClientFactory()),
            TimeProvider.System,
            NullLogger<InboundTokenValidator>.Instance);
        _header = "Bearer " + FakeIdentityProvider.CreateToken(_idp.EndorsedKey, AppId, serviceUrl: ServiceUrl);
        if ((await _validator.ValidateAsync(_header, _activity, CancellationToken.None)).Outcome != InboundAuthOutcome.Authenticated)
            throw new InvalidOperationException("The benchmark's token does not validate.");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _idp.DisposeAsync();

    [Benchmark]
    public async Task<InboundAuthResult> ValidateBotConnectorToken() => await _validator.ValidateAsync(_header, _activity, CancellationToken.None);
}
