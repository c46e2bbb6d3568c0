using CheckinBot.Core.Commands;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.ReviewPacks;
using CheckinBot.Core.Time;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.ReviewPacks;

/// <summary>
/// <c>review pack</c>: pick a period, untick what to leave out, get the Word draft and, if they choose, share it with
/// their manager; and a manager's "Ask for their review pack" on the team card, which only asks.
/// </summary>
public sealed class ReviewPackConversation(
    ReviewPackService packs,
    ReviewPackLinks links,
    ReviewPackSharing sharing,
    IOrgDirectory directory,
    PersonZones zones,
    IPersonMessenger messenger,
    TimeProvider timeProvider) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.ReviewPack, async (r, ct) => await r.Turn.SendCardAsync(ReviewPackCards.Period(await TodayAsync(r.UserId, ct)), ct))
        .Verb(ReviewPackCards.StartVerb, async (r, ct) => await r.Turn.SendCardAsync(ReviewPackCards.Period(await TodayAsync(r.UserId, ct)), ct))
        .Verb(ReviewPackCards.EntriesVerb, EntriesAsync)
        .Verb(ReviewPackCards.BuildVerb, BuildAsync)
        .Verb(ReviewPackCards.ShareVerb, ShareAsync)
        .Verb(ReviewPackCards.AskVerb, AskAsync);

    private async Task EntriesAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(request.UserId, cancellationToken);
        string? problem = null;
        var period = request.Get(ReviewPackCards.MonthsField) is "6" or "12" && int.TryParse(request.Get(ReviewPackCards.MonthsField), out var months)
            ? ReviewPeriod.LastMonths(months, today)
            : ReviewPeriod.Range(request.Get(ReviewPackCards.FromInput), request.Get(ReviewPackCards.ToInput), today, out problem);
        if (period is not var (from, to))
        {
            await request.Turn.SendCardAsync(ReviewPackCards.Period(today, problem), cancellationToken);
            return;
        }
        var entries = await packs.EntriesAsync(request.UserId, from, to, cancellationToken);
        await request.Turn.SendCardAsync(entries.Count > ReviewPackService.MaxEntries
            ? ReviewPackCards.TooMany(today, entries.Count)
            : ReviewPackCards.Entries(from, to, entries), cancellationToken);
    }

    private async Task BuildAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(request.UserId, cancellationToken);
        if (ReviewPeriod.Range(request.Get(ReviewPackCards.FromInput), request.Get(ReviewPackCards.ToInput), today, out var problem) is not var (from, to))
        {
            await request.Turn.SendCardAsync(ReviewPackCards.Period(today, problem), cancellationToken);
            return;
        }
        // A section whose every tick was cleared sends no value at all: nothing of it is kept.
        var ticked = Enum.GetValues<ReviewSection>()
            .SelectMany(s => (request.Get(ReviewPackCards.PickInput(s)) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        var built = await packs.BuildAsync(request.UserId, from, to, ticked, cancellationToken);
        var download = await links.CreateAsync(request.Turn.BotBaseUri, request.UserId, built.Pack.Id, forManager: false, cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, ReviewPackCards.Built(built.Pack, built.Entries, download), cancellationToken);
    }

    private async Task ShareAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var shared = await sharing.ShareAsync(request.UserId, request.Id(ReviewPackCards.PackField), request.Turn.BotBaseUri, cancellationToken);
        await request.Turn.SendCardAsync(shared switch
        {
            null => ReviewPackCards.Gone(),
            { ManagerName: null } => ReviewPackCards.NoManager(),
            _ => ReviewPackCards.Shared(shared.ManagerName, shared.PrivateLeftOut),
        }, cancellationToken);
    }

    /// <summary>Only a report's current manager may ask; the report gets one card and decides.</summary>
    private async Task AskAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var reportId = request.Id(ReviewPackCards.ReportField);
        if (await directory.FindAsync(reportId, cancellationToken) is not { } report
            || !string.Equals(report.ManagerId, request.UserId, StringComparison.OrdinalIgnoreCase))
        {
            await request.Turn.SendTextAsync("Only someone's current manager can ask for their review pack.", cancellationToken);
            return;
        }
        var manager = await directory.FindAsync(request.UserId, cancellationToken);
        await messenger.SendAsync(report.Id, new ReviewPackAskedMessage(manager?.Name ?? "Your manager"), cancellationToken);
        await request.Turn.SendCardAsync(ReviewPackCards.AskSent(report.Name), cancellationToken);
    }

    private async Task<DateOnly> TodayAsync(string userId, CancellationToken cancellationToken) =>
        IanaTimeZone.LocalDate(timeProvider.GetUtcNow(), await zones.FindAsync(userId, person: null, cancellationToken));
}
