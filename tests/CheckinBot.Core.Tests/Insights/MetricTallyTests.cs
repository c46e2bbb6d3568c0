using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Insights;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.Insights;

public sealed class MetricTallyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static CheckinRecord Record(int? energy, double minutes, bool shared = false, string? occurrence = "weekly:2026-11-30") => new()
    {
        UserId = "alex",
        CheckinId = Guid.NewGuid().ToString("N"),
        QuestionSetId = "weekly-growth",
        QuestionSetVersion = 1,
        OccurrenceId = occurrence,
        StartedAt = Start,
        CompletedAt = Start.AddMinutes(minutes),
        SharedWithManager = shared,
        Answers = energy is { } value
            ? [new CheckinAnswer("energy", QuestionPurpose.Energy, "Energy?", new ScaleAnswer(value))]
            : [],
    };

    [Fact]
    public void ACheckin_CountsOnce_WithItsEnergyShareAndTime()
    {
        var tally = MetricTally.Of(Record(4, 6, shared: true, occurrence: null));

        Assert.Equal((1, 1, 1, 1), (tally.Completed, tally.SelfStarted, tally.Shared, tally.EnergyResponses));
        Assert.Equal([0, 0, 0, 1, 0], tally.Energy);
        Assert.Equal(4.0, tally.EnergyMean);
    }

    [Fact]
    public void Sums_GiveTheMeanAndTheMedianWithinItsBucket()
    {
        var tally = new[] { Record(2, 3), Record(4, 4), Record(5, 8), Record(null, 700) }
            .Select(MetricTally.Of).Aggregate(new MetricTally(), (sum, t) => sum.Add(t));

        Assert.Equal((4, 0, 3), (tally.Completed, tally.SelfStarted, tally.EnergyResponses));
        Assert.Equal(3.67, tally.EnergyMean);
        // Four times: two in (2, 5], one in (5, 10], one in (480, 1440]: the median lies at the top of (2, 5].
        Assert.Equal(5, tally.MedianMinutesToComplete);
    }

    [Fact]
    public void NoCheckins_NoMeanNoMedian() =>
        Assert.Equal(((double?)null, (double?)null), (new MetricTally().EnergyMean, new MetricTally().MedianMinutesToComplete));
}
