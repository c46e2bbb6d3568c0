using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// Migrates on read the rows written before answers were typed: a check-in's <c>answers[].answer</c> string and a
/// draft's <c>answers</c> map of strings become typed <see cref="AnswerValue"/>s. The next write stores the new shape.
/// </summary>
internal static partial class LegacyAnswerMigration
{
    /// <summary>
    /// Drafts are read on every turn: only a row in the old shape pays for the DOM parse. The markers are exact and
    /// cannot occur inside a string value (its quotes would be escaped): an <c>"answer":</c> key (old check-ins; the new
    /// key is <c>"answers"</c>), or an answers map whose first value is a string (old drafts; new values are objects).
    /// </summary>
    public static T Read<T>(string json, JsonSerializerOptions options)
    {
        var legacy = typeof(T) == typeof(CheckinRecord) ? json.Contains("\"answer\":", StringComparison.Ordinal)
            : typeof(T) == typeof(CheckinDraft) && LegacyDraftAnswers().IsMatch(json);
        if (!legacy || JsonNode.Parse(json) is not JsonObject root)
            return JsonSerializer.Deserialize<T>(json, options)!;
        if (typeof(T) == typeof(CheckinRecord))
            MigrateRecord(root, options);
        else
            MigrateDraft(root, options);
        return root.Deserialize<T>(options)!;
    }

    [GeneratedRegex("\"answers\":\\{\"[^\"]*\":\"")]
    private static partial Regex LegacyDraftAnswers();

    private static void MigrateRecord(JsonObject record, JsonSerializerOptions options)
    {
        foreach (var answer in (record["answers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (answer["value"] is not null || answer["answer"]?.GetValueKind() != JsonValueKind.String)
                continue;
            var purpose = answer["purpose"]?.GetValueKind() == JsonValueKind.Number ? (QuestionPurpose)answer["purpose"]!.GetValue<int>() : QuestionPurpose.None;
            answer["value"] = ToNode(LegacyAnswers.FromText(LegacyAnswers.KindOf(purpose), answer["answer"]!.GetValue<string>()), options);
            answer.Remove("answer");
        }
    }

    private static void MigrateDraft(JsonObject draft, JsonSerializerOptions options)
    {
        if (draft["answers"] is not JsonObject answers)
            return;
        var kinds = (draft["steps"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => s["key"] is not null)
            .ToDictionary(s => s["key"]!.GetValue<string>(), s => s["kind"]?.GetValueKind() == JsonValueKind.Number ? (QuestionKind)s["kind"]!.GetValue<int>() : QuestionKind.FreeText);
        foreach (var (key, value) in answers.ToList())
        {
            if (value?.GetValueKind() == JsonValueKind.String)
                answers[key] = ToNode(LegacyAnswers.FromText(kinds.GetValueOrDefault(key, QuestionKind.FreeText), value.GetValue<string>()), options);
        }
    }

    private static JsonNode? ToNode(AnswerValue value, JsonSerializerOptions options) => JsonSerializer.SerializeToNode(value, options);
}
