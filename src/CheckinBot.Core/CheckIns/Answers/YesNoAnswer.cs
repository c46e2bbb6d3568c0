namespace CheckinBot.Core.CheckIns.Answers;

public sealed record YesNoAnswer(bool Value) : AnswerValue
{
    public override string ToDisplayText() => Value ? "Yes" : "No";
}
