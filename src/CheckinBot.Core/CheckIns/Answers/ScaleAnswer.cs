using System.Globalization;

namespace CheckinBot.Core.CheckIns.Answers;

/// <summary>A whole number on the question's scale (1–5).</summary>
public sealed record ScaleAnswer(int Value) : AnswerValue
{
    public override string ToDisplayText() => Value.ToString(CultureInfo.InvariantCulture);
}
