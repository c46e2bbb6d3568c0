using System.Runtime.CompilerServices;
using CheckinBot.Core.Org;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Person = CheckinBot.Core.Org.Person;
using Microsoft.Kiota.Abstractions.Serialization;

namespace CheckinBot.Graph.Org;

/// <summary>
/// The org chart from Microsoft Graph: <c>/users/delta</c> with the manager selected (everyone once, then only changes,
/// about 1 request per page of people) and point lookups in <see cref="GraphBatch"/>es of 20; every request goes through
/// <see cref="GraphCalls"/> (attempt timeout, circuit breaker).
/// </summary>
internal sealed class GraphOrgChartSource(GraphServiceClient graph, GraphCalls calls, GraphBatch batch) : IOrgChartSource
{
    private static readonly string[] Fields = ["id", "displayName", "mail", "department", "accountEnabled", "employeeHireDate", "manager"];
    private static readonly string[] LookupFields = ["id", "displayName", "mail", "department", "accountEnabled", "employeeHireDate"];

    public async IAsyncEnumerable<OrgChartPage> ReadChangesAsync(string? syncToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = syncToken is null
            ? await calls.CallAsync(ct => graph.Users.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Select = Fields, ct), cancellationToken)
            : await calls.CallAsync(ct => graph.Users.Delta.WithUrl(syncToken).GetAsDeltaGetResponseAsync(cancellationToken: ct), cancellationToken);
        while (page is not null)
        {
            var changes = (page.Value ?? []).Where(u => u.Id is not null).Select(ToChange).ToList();
            yield return new OrgChartPage(changes, page.OdataDeltaLink);
            page = page.OdataNextLink is { } next
                ? await calls.CallAsync(ct => graph.Users.Delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: ct), cancellationToken)
                : null;
        }
    }

    public async Task<IReadOnlyList<Person>> GetPeopleAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var answers = await batch.GetEachAsync<User>(ids, id => graph.Users[id].ToGetRequestInformation(rc =>
        {
            rc.QueryParameters.Select = LookupFields;
            rc.QueryParameters.Expand = ["manager($select=id)"];
        }), cancellationToken);
        return [.. answers.Found.Values.Where(u => u.Id is not null).Select(u => ToPerson(u, (u.Manager as DirectoryObject)?.Id))];
    }

    private static PersonChange ToChange(User user)
    {
        var data = user.AdditionalData ?? new Dictionary<string, object>();
        if (data.ContainsKey("@removed"))
            return new PersonChange(user.Id!, null);
        return new PersonChange(user.Id!, ToPerson(user, ManagerFromDelta(data)));
    }

    private static Person ToPerson(User user, string? managerId) => new()
    {
        Id = user.Id!,
        DisplayName = user.DisplayName,
        Mail = user.Mail,
        Department = user.Department,
        Enabled = user.AccountEnabled ?? true,
        ManagerId = managerId,
        // Entra stores the hire date as an instant; the calendar date is read in UTC, where Entra puts it.
        HireDate = user.EmployeeHireDate is { } hired ? DateOnly.FromDateTime(hired.UtcDateTime) : null,
    };

    /// <summary>
    /// Delta reports the manager as <c>"manager@delta": [{"id": "..."}]</c>; an item marked <c>@removed</c> means the
    /// manager link was removed.
    /// </summary>
    private static string? ManagerFromDelta(IDictionary<string, object> data)
    {
        if (!data.TryGetValue("manager@delta", out var value) || value is not UntypedArray array)
            return null;
        foreach (var item in array.GetValue().OfType<UntypedObject>())
        {
            var fields = item.GetValue();
            if (!fields.ContainsKey("@removed") && fields.TryGetValue("id", out var id) && id is UntypedString s)
                return s.GetValue();
        }
        return null;
    }

}
