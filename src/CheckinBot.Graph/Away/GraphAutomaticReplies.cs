using System.Globalization;
using System.Net;
using CheckinBot.Core.Away;
using CheckinBot.Core.Time;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace CheckinBot.Graph.Away;

/// <summary>
/// Outlook's automatic replies from Graph: <c>GET /users/{id}/mailboxSettings?$select=automaticRepliesSetting</c> in
/// <see cref="GraphBatch"/>es of 20, at most <see cref="BatchesInFlight"/> at once, with the application permission
/// <c>MailboxSettings.Read</c> (granted by <c>grant-permissions.sh --away</c>). Only the status and the scheduled times
/// are read, never the reply text. A refusal (403 without consent) or a failing Graph leaves those people not known to
/// be away, with the reason; someone with no mailbox (404) is simply not away.
/// See https://learn.microsoft.com/graph/api/user-get-mailboxsettings.
/// </summary>
internal sealed class GraphAutomaticReplies(GraphServiceClient graph, GraphBatch batch) : IAutomaticReplies, IDisposable
{
    public const int BatchesInFlight = 2;
    private static readonly string[] Fields = ["automaticRepliesSetting"];
    private readonly SemaphoreSlim _inFlight = new(BatchesInFlight);

    public async Task<AutomaticRepliesRead> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            var answers = await batch.GetEachAsync<MailboxSettings>(userIds,
                id => graph.Users[id].MailboxSettings.ToGetRequestInformation(rc => rc.QueryParameters.Select = Fields), cancellationToken);
            var known = answers.Found.ToDictionary(a => a.Key, a => ToPeriod(a.Value.AutomaticRepliesSetting), StringComparer.OrdinalIgnoreCase);
            foreach (var (id, _) in answers.Refused.Where(r => r.Value == HttpStatusCode.NotFound))
                known[id] = null;
            var refused = answers.Refused.Where(r => r.Value != HttpStatusCode.NotFound).Select(r => (int)r.Value).Distinct().ToList();
            return new AutomaticRepliesRead(known, refused.Count == 0 ? null
                : refused.Contains(403) ? "Graph answered 403: MailboxSettings.Read is not granted" : $"Graph answered {string.Join(", ", refused)}");
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return new AutomaticRepliesRead(new Dictionary<string, AwayPeriod?>(), $"Graph failing ({error.GetType().Name})");
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public void Dispose() => _inFlight.Dispose();

    /// <summary>Off: not away. Always on: away with no known end. Scheduled: away from start to end.</summary>
    private static AwayPeriod? ToPeriod(AutomaticRepliesSetting? setting) => setting?.Status switch
    {
        AutomaticRepliesStatus.AlwaysEnabled => new AwayPeriod(null, null, AwaySource.AutomaticReplies),
        AutomaticRepliesStatus.Scheduled when Instant(setting.ScheduledStartDateTime) is var start && Instant(setting.ScheduledEndDateTime) is var end
            => new AwayPeriod(start, end, AwaySource.AutomaticReplies),
        _ => null,
    };

    /// <summary>Graph's dateTimeTimeZone: a local date and time without offset, in a named (Windows or IANA) zone.</summary>
    private static DateTimeOffset? Instant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            return null;
        var zone = IanaTimeZone.FindOrUtc(IanaTimeZone.Normalize(value.TimeZone) ?? "UTC");
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
