using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.GrowthLog;

public sealed class GrowthLogCsvTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_QuotesAndDefusesFormulas()
    {
        var record = new CheckinRecord
        {
            UserId = "u", CheckinId = "c1", QuestionSetId = "default", QuestionSetVersion = 1, StartedAt = At, CompletedAt = At, SharedWithManager = false,
            Answers = [new CheckinAnswer("learned", QuestionPurpose.Win, "What did you learn?", new TextAnswer("a, \"quoted\"\nline")), new CheckinAnswer("blockers", QuestionPurpose.Blocker, "Blockers?", new TextAnswer("=HYPERLINK(\"x\")"))],
        };
        var goal = new LearningGoal
        {
            UserId = "u", Id = "g1", Title = "Talk", CreatedAt = At, Why = "Public speaking", Measure = "Accepted at a conference",
            TargetDate = new DateOnly(2027, 6, 30), Milestones = [new GoalMilestone("m1", "Abstract", At), new GoalMilestone("m2", "Slides")],
        }.WithProgress(40, "abstract", At);

        var lines = GrowthLogCsv.Write(new GrowthLogExport("u", At, null, [record], [goal], null)).Split("\r\n");

        Assert.Equal("kind,date,checkinId,sharedWithManager,question,answer,goalId,goal,percent,status", lines[0]);
        Assert.Contains("\"a, \"\"quoted\"\"\nline\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("goal,", lines[3], StringComparison.Ordinal);
        Assert.Contains(",why,Public speaking,g1,Talk,40,active", lines[3], StringComparison.Ordinal);
        Assert.Contains("Accepted at a conference", lines[4], StringComparison.Ordinal);
        Assert.Contains("2027-06-30", lines[5], StringComparison.Ordinal);
        Assert.Contains(",milestone,Abstract,g1,Talk,,reached", lines[6], StringComparison.Ordinal);
        Assert.Contains(",milestone,Slides,g1,Talk,,open", lines[7], StringComparison.Ordinal);
        Assert.StartsWith("goal-progress,", lines[8], StringComparison.Ordinal);
        Assert.Contains(",abstract,g1,Talk,40,", lines[8], StringComparison.Ordinal);
    }
}
