using System.Text.Json.Serialization;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.CheckIns;

/// <summary>One answered question of a finished check-in, with the prompt as it was asked.</summary>
public sealed record CheckinAnswer(string QuestionId, QuestionPurpose Purpose, string Prompt, AnswerValue Value, string? GoalId = null)
{
    [JsonIgnore]
    public string DisplayText => Value.ToDisplayText();
}
