using System.Net;
using System.Runtime.CompilerServices;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Person = CheckinBot.Core.Org.Person;
using Microsoft.Kiota.Abstractions.Serialization;

namespace CheckinBot.Graph.Org;

/// <summary>
/// The org chart from Microsoft Graph: <c>/users/delta</c> with the manager selected (everyone once, then only changes,
/// about 1 request per page of people) and <c>$batch</c> of 20 point lookups that retries only the items Graph
/// throttled, after their own <c>Retry-After</c>. The Graph SDK's handlers retry whole requests; batch items are ours;
/// every request goes through <see cref="GraphCalls"/> (attempt timeout, circuit breaker).
/// </summary>
internal sealed partial class GraphOrgChartSource(GraphServiceClient graph, GraphCalls calls, TimeProvider timeProvider, ILogger<GraphOrgChartSource> logger) : IOrgChartSource
{
    private const int MaxBatchRetries = 5;
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
        var people = new List<Person>();
        foreach (var chunk in ids.Distinct().Chunk(20))
        {
            var batch = new BatchRequestContentCollection(graph);
            var stepToId = new Dictionary<string, string>();
            foreach (var id in chunk)
            {
                var request = graph.Users[id].ToGetRequestInformation(rc =>
                {
                    rc.QueryParameters.Select = LookupFields;
                    rc.QueryParameters.Expand = ["manager($select=id)"];
                });
                stepToId[await batch.AddBatchRequestStepAsync(request)] = id;
            }
            for (var attempt = 1; ; attempt++)
            {
                var request = batch;
                var response = await calls.CallAsync(ct => graph.Batch.PostAsync(request, ct), cancellationToken);
                var statuses = await response.GetResponsesStatusCodesAsync();
                foreach (var (step, status) in statuses.Where(s => s.Value == HttpStatusCode.OK))
                {
                    if (await response.GetResponseByIdAsync<User>(step) is { Id: not null } user)
                        people.Add(ToPerson(user, (user.Manager as DirectoryObject)?.Id));
                }
                var throttled = statuses.Where(s => s.Value is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable).ToDictionary();
                if (throttled.Count == 0)
                    break;
                if (attempt == MaxBatchRetries)
                    throw new HttpRequestException($"Graph kept throttling {throttled.Count} lookups.", null, HttpStatusCode.TooManyRequests);
                var wait = TimeSpan.Zero;
                foreach (var step in throttled.Keys)
                {
                    using var item = await response.GetResponseByIdAsync(step);
                    wait = Max(wait, item.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                }
                LogThrottled(logger, throttled.Count, wait);
                await Task.Delay(wait, timeProvider, cancellationToken);
                batch = batch.NewBatchWithFailedRequests(throttled);
            }
        }
        return people;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Graph throttled {Count} batched lookups; retrying them after {Wait}")]
    private static partial void LogThrottled(ILogger logger, int count, TimeSpan wait);
}
