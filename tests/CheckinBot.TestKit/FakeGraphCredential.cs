using Azure.Core;

namespace CheckinBot.TestKit;

/// <summary>Hands out the token <see cref="FakeGraph"/> accepts, in place of an Entra sign-in.</summary>
public sealed class FakeGraphCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("fake-graph-token", DateTimeOffset.MaxValue);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
