using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests;

/// <summary>The bot host under test.</summary>
public sealed class BotApplicationFactory(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    : BotApplicationFactory<Program>(azurite, settings);
