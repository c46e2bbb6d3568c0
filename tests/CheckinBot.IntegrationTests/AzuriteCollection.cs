using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests;

/// <summary>One Azurite for all integration tests; each test host uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
