namespace CheckinBot.Core.CheckIns.Answers;

/// <summary>Free text the person wrote. Never logged.</summary>
public sealed record TextAnswer(string Value) : AnswerValue
{
    public override string ToDisplayText() => Value;
}
