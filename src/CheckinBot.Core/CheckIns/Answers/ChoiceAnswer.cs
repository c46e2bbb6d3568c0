namespace CheckinBot.Core.CheckIns.Answers;

/// <summary>One of the question's choices, as the question set spells it.</summary>
public sealed record ChoiceAnswer(string Value) : AnswerValue
{
    public override string ToDisplayText() => Value;
}
