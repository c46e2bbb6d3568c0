namespace CheckinBot.Core.CheckIns.Answers;

/// <summary>
/// Progress on one goal: a percentage, an optional note, and the milestone ticked (its id is what completion acts on;
/// the title is kept so the answer reads the same after the milestone is renamed or the goal deleted).
/// </summary>
public sealed record GoalProgressAnswer(int Percent, string? Note = null, string? MilestoneId = null, string? MilestoneTitle = null) : AnswerValue
{
    public override string ToDisplayText() =>
        $"{Percent}%"
        + (MilestoneTitle is null ? "" : $" · milestone reached: {MilestoneTitle}")
        + (Note is null ? "" : $" · {Note}");
}
