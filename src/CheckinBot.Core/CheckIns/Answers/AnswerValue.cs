using System.Text.Json.Serialization;

namespace CheckinBot.Core.CheckIns.Answers;

/// <summary>
/// A typed answer, as validated from a card or typed text and stored as such, so summaries, trends, metrics and
/// exports read numbers and ids, not prose. <see cref="ToDisplayText"/> is how a person sees it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ScaleAnswer), "scale")]
[JsonDerivedType(typeof(ChoiceAnswer), "choice")]
[JsonDerivedType(typeof(TextAnswer), "text")]
[JsonDerivedType(typeof(YesNoAnswer), "yesNo")]
[JsonDerivedType(typeof(GoalProgressAnswer), "goalProgress")]
public abstract record AnswerValue
{
    public abstract string ToDisplayText();
}
