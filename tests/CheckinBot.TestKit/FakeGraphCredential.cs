using System.Collections.Concurrent;
using Azure.Core;

namespace CheckinBot.TestKit;

/// <summary>Hands out the token <see cref="FakeGraph"/> accepts, in place of an Entra sign-in, and notes the scopes asked for.</summary>
public sealed class FakeGraphCredential : TokenCredential
{
    private readonly ConcurrentQueue<string> _scopes = new();

    public IReadOnlyList<string> Scopes => [.. _scopes];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
            _scopes.Enqueue(scope);
        return new("fake-graph-token", DateTimeOffset.MaxValue);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
