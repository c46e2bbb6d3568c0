using System.Globalization;
using CheckinBot.Core.Away;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Org;
using CheckinBot.Core.Time;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Away;

/// <summary>
/// <c>away until 12 Jan</c> and <c>back</c>: what someone says of their own time away, which needs no Graph
/// permission. The day back is stored as the start of that day in their zone (<see cref="PersonZones"/>).
/// </summary>
public sealed class AwayConversation(CheckinService checkins, AwayService away, PersonZones zones, TimeProvider timeProvider) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Away, (r, ct) => SayAwayAsync(r.Turn, r.UserId, r.Command.Argument, ct))
        .Command(ChatCommandKind.Back, (r, ct) => SayBackAsync(r.Turn, r.UserId, ct))
        .Verb(AwayCards.SetVerb, (r, ct) => SayAwayAsync(r.Turn, r.UserId, r.Get(AwayCards.UntilInput), ct))
        .Verb(AwayCards.BackVerb, (r, ct) => SayBackAsync(r.Turn, r.UserId, ct));

    private async Task SayAwayAsync(TurnContext turn, string userId, string? text, CancellationToken cancellationToken)
    {
        var zone = await zones.FindAsync(userId, person: null, cancellationToken);
        var today = IanaTimeZone.LocalDate(timeProvider.GetUtcNow(), zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            await turn.SendCardAsync(AwayCards.Ask(today), cancellationToken);
            return;
        }
        if (AwayDate.Parse(text, today, out var problem) is not { } back)
        {
            await turn.SendCardAsync(AwayCards.Ask(today, problem), cancellationToken);
            return;
        }
        await checkins.SayAwayAsync(userId, CadenceCalendar.LocalToUtc(back, TimeOnly.MinValue, IanaTimeZone.FindOrUtc(zone)), cancellationToken);
        await turn.SendCardAsync(AwayCards.Away(back), cancellationToken);
    }

    private async Task SayBackAsync(TurnContext turn, string userId, CancellationToken cancellationToken)
    {
        var wasAway = await checkins.SayBackAsync(userId, cancellationToken);
        await away.PrefetchWithinTurnAsync([userId], cancellationToken); // a turn: Graph at most its bound
        var outlook = away.FindKnown(userId, preferences: null) is { Source: AwaySource.AutomaticReplies } period
            && period.Covers(timeProvider.GetUtcNow()) ? period : null;
        await turn.SendCardAsync(AwayCards.Back(wasAway, outlook, await zones.FindAsync(userId, person: null, cancellationToken)), cancellationToken);
    }
}
