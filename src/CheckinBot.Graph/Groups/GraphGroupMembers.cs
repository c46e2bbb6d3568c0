using CheckinBot.Core.Org;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace CheckinBot.Graph.Groups;

/// <summary>
/// Group audiences from Microsoft Graph: <c>GET /groups/{id}/transitiveMembers/microsoft.graph.user?$select=id</c>,
/// page by page (nested groups included, only users). Read when a run is planned, so membership is as of that moment.
/// A group that does not exist has no members. Needs <c>GroupMember.Read.All</c>.
/// </summary>
internal sealed class GraphGroupMembers(GraphServiceClient graph, GraphCalls calls) : IGroupMembers
{
    public async Task<IReadOnlySet<string>?> MemberIdsAsync(string groupId, CancellationToken cancellationToken)
    {
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var page = await calls.CallAsync(ct => graph.Groups[groupId].TransitiveMembers.GraphUser.GetAsync(r =>
            {
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Top = 999;
            }, ct), cancellationToken);
            while (page is not null)
            {
                members.UnionWith(page.Value?.Select(u => u.Id?.ToLowerInvariant()).OfType<string>() ?? []);
                page = page.OdataNextLink is { } next
                    ? await calls.CallAsync(ct => graph.Groups[groupId].TransitiveMembers.GraphUser.WithUrl(next).GetAsync(cancellationToken: ct), cancellationToken)
                    : null;
            }
        }
        catch (ApiException error) when (error.ResponseStatusCode == 404)
        {
            // no such group: nobody
        }
        return members;
    }
}
