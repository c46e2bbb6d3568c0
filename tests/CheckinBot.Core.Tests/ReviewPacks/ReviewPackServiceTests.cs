using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Org;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Core.ReviewPacks;
using CheckinBot.Core.Tests.CheckIns;
using CheckinBot.Core.Tests.Feedback;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.ReviewPacks;

/// <summary>The review pack over a year of hand-made history: every line is an entry's own words and links to it.</summary>
public sealed class ReviewPackServiceTests
{
    private const string Alex = "alex";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemoryGrowthLogStore _log = new();
    private readonly InMemoryFeedbackStore _feedback = new();
    private readonly InMemoryReviewPackStore _packs = new();
    private readonly ReviewPackService _service;

    public ReviewPackServiceTests() => _service = new ReviewPackService(_log, _log, _feedback, _packs,
        new InMemoryOrgDirectory([new Person { Id = Alex, DisplayName = "Alex Wilber", ManagerId = "megan" }, new Person { Id = "megan", DisplayName = "Megan Bowen" }]), _time);

    /// <summary>A year of weekly check-ins (every fourth one private), a goal with milestones, praise and feedback, and one from before the year.</summary>
    private async Task SeedYearAsync()
    {
        for (var week = 0; week < 52; week++)
        {
            var at = Now.AddDays(-7 * week - 1);
            _log.AddRecord(new CheckinRecord
            {
                UserId = Alex, CheckinId = $"c{week:00}", QuestionSetId = "default", QuestionSetVersion = 1, OccurrenceId = $"weekly:{at:yyyy-MM-dd}",
                StartedAt = at.AddMinutes(-5), CompletedAt = at, SharedWithManager = week % 4 != 0,
                Answers =
                [
                    new CheckinAnswer("energy", QuestionPurpose.Energy, "How energised are you this week?", new ScaleAnswer(4)),
                    new CheckinAnswer("win", QuestionPurpose.Win, "What went well?", new TextAnswer($"Win of week {week}")),
                    .. week % 10 == 0 ? [new CheckinAnswer("help", QuestionPurpose.Blocker, "What would help you most next month?", new TextAnswer($"Pairing, week {week}"))] : Array.Empty<CheckinAnswer>(),
                ],
            });
        }
        _log.AddRecord(new CheckinRecord
        {
            UserId = Alex, CheckinId = "old", QuestionSetId = "default", QuestionSetVersion = 1, StartedAt = Now.AddYears(-2), CompletedAt = Now.AddYears(-2),
            SharedWithManager = true, Answers = [new CheckinAnswer("win", QuestionPurpose.Win, "What went well?", new TextAnswer("Long ago"))],
        });
        await _log.TrySaveGoalAsync(new LearningGoal
        {
            UserId = Alex, Id = "kusto", Title = "Learn Kusto", Percent = 60, CreatedAt = Now.AddMonths(-5),
            Milestones = [new GoalMilestone("m1", "First query", Now.AddMonths(-4)), new GoalMilestone("m2", "Dashboard")],
            History = [new GoalProgressEntry(Now.AddMonths(-4), 30, "first query"), new GoalProgressEntry(Now.AddMonths(-1), 60, null)],
        }, CancellationToken.None);
        await ReceiveAsync(new FeedbackNote { Id = "n1", ToUserId = Alex, FromUserId = "megan", FromName = "Megan Bowen", Text = "Great demo", IsPraise = true, CreatedAt = Now.AddMonths(-2) });
        await ReceiveAsync(new FeedbackNote { Id = "n2", ToUserId = Alex, FromUserId = "patti", FromName = "Patti Fernandez", Text = "Slow down in reviews", CreatedAt = Now.AddMonths(-3) });
    }

    private async Task ReceiveAsync(FeedbackNote note)
    {
        var delivery = new FeedbackDelivery { OwnerId = note.ToUserId, ItemId = note.Id, Item = FeedbackItem.Note, RecipientId = note.ToUserId };
        Assert.True(await _feedback.TryAddNoteAsync(note, null, delivery, CancellationToken.None));
    }

    [Fact]
    public async Task AYearOfHistory_GivesAPackWhoseEveryLineIsAnEntrysOwnWords_AndLinksToIt()
    {
        await SeedYearAsync();
        var (from, to) = ReviewPeriod.LastMonths(12, Today);

        var entries = await _service.EntriesAsync(Alex, from, to, CancellationToken.None);
        var pack = (await _service.BuildAsync(Alex, from, to, [.. entries.Select(e => e.Id)], CancellationToken.None)).Pack;
        var view = (await _service.OpenAsync(Alex, pack.Id, forManager: false, CancellationToken.None))!;

        Assert.Equal(52, view.Entries.Count(e => e.Section == ReviewSection.Wins));
        Assert.Equal(6, view.Entries.Count(e => e.Section == ReviewSection.Next));
        Assert.Equal(["First query", "Learn Kusto"], view.Entries.Where(e => e.Section == ReviewSection.Goals).Select(e => e.Text).Order(StringComparer.Ordinal));
        Assert.Equal(["Slow down in reviews", "Great demo"], view.Entries.Where(e => e.Section == ReviewSection.Feedback).Select(e => e.Text));
        Assert.DoesNotContain(view.Entries, e => e.Text == "Long ago"); // before the period
        var records = _log.Records.ToDictionary(r => r.CheckinId);
        foreach (var line in view.Entries)
        {
            // Every line links to a source the pack carries whole, and says exactly what that entry says.
            var source = Assert.Single(view.Sources, s => s.Kind == line.SourceKind && s.Id == line.SourceId);
            if (line.SourceKind == ReviewSourceKind.Checkin)
                Assert.Contains(records[line.SourceId].Answers, a => a.DisplayText == line.Text && line.Context.EndsWith(a.Prompt, StringComparison.Ordinal));
            else
                Assert.Contains(source.Lines, l => l.Value.Contains(line.Text, StringComparison.Ordinal) || source.Title.Contains(line.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task UntickedEntries_NeverAppear_EvenInALaterRead()
    {
        await SeedYearAsync();
        var (from, to) = ReviewPeriod.LastMonths(6, Today);
        var entries = await _service.EntriesAsync(Alex, from, to, CancellationToken.None);
        var leftOut = entries.Where(e => e.Text is "Slow down in reviews" or "Win of week 3").Select(e => e.Id).ToList();
        Assert.Equal(2, leftOut.Count);

        var pack = (await _service.BuildAsync(Alex, from, to, [.. entries.Select(e => e.Id).Except(leftOut)], CancellationToken.None)).Pack;
        _log.AddRecord(new CheckinRecord
        {
            UserId = Alex, CheckinId = "later", QuestionSetId = "default", QuestionSetVersion = 1, StartedAt = Now, CompletedAt = Now, SharedWithManager = true,
            Answers = [new CheckinAnswer("win", QuestionPurpose.Win, "What went well?", new TextAnswer("Written after the pack"))],
        });
        var view = (await _service.OpenAsync(Alex, pack.Id, forManager: false, CancellationToken.None))!;

        Assert.Equal(entries.Count - 2, view.Entries.Count);
        Assert.DoesNotContain(view.Entries, e => leftOut.Contains(e.Id) || e.Text == "Written after the pack");
        Assert.DoesNotContain(view.Sources, s => s.Id == "n2"); // a source no line links to is not carried either
    }

    [Fact]
    public async Task PrivateCheckins_NeverReachTheManagersCopy_AndThereIsNoCopyBeforeShare()
    {
        await SeedYearAsync();
        var (from, to) = ReviewPeriod.LastMonths(12, Today);
        var entries = await _service.EntriesAsync(Alex, from, to, CancellationToken.None);
        var pack = (await _service.BuildAsync(Alex, from, to, [.. entries.Select(e => e.Id)], CancellationToken.None)).Pack;

        Assert.Null(await _service.OpenAsync(Alex, pack.Id, forManager: true, CancellationToken.None));
        var (shared, managerId) = (await _service.ShareAsync(Alex, pack.Id, CancellationToken.None))!.Value;
        var copy = (await _service.OpenAsync(Alex, pack.Id, forManager: true, CancellationToken.None))!;

        Assert.Equal(("megan", Now), (managerId, shared.SharedAt));
        Assert.Equal(39, copy.Entries.Count(e => e.Section == ReviewSection.Wins)); // 52 weeks, every fourth kept private
        Assert.DoesNotContain(copy.Entries, e => e.FromPrivateCheckin);
        Assert.DoesNotContain(copy.Sources, s => s.Title.Contains("(private)", StringComparison.Ordinal));
        Assert.Contains(copy.Entries, e => e.Text == "Great demo");
    }

    [Fact]
    public async Task SomeoneWithNoHistory_GetsAnEmptyPack_NotAnError()
    {
        var (from, to) = ReviewPeriod.LastMonths(12, Today);

        Assert.Empty(await _service.EntriesAsync(Alex, from, to, CancellationToken.None));
        var pack = (await _service.BuildAsync(Alex, from, to, ["w-forged-id"], CancellationToken.None)).Pack;
        var view = (await _service.OpenAsync(Alex, pack.Id, forManager: false, CancellationToken.None))!;

        Assert.Empty(view.Entries);
        Assert.Empty(pack.EntryIds); // an id that is not in the period is never kept
        Assert.Equal("Alex Wilber", view.PersonName);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-06-30", null)]
    [InlineData("2026-06-30", "2026-01-01", "ends before it starts")]
    [InlineData("2027-01-01", "2027-02-01", "starts in the future")]
    [InlineData("2023-01-01", "2026-01-01", "at most two years")]
    [InlineData("", "2026-01-01", "both dates")]
    public void ARange_IsCheckedAndExplained(string from, string to, string? problem)
    {
        var range = ReviewPeriod.Range(from, to, Today, out var said);

        Assert.Equal(problem is null, range is not null);
        if (problem is not null)
            Assert.Contains(problem, said, StringComparison.Ordinal);
    }
}
