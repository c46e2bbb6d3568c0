using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// Migrates on read the rows written before answers were typed: a check-in's <c>answers[].answer</c> string and a
/// draft's <c>answers</c> map of strings become typed <see cref="AnswerValue"/>s. The next write stores the new shape.
/// </summary>
internal static class LegacyAnswerMigration
{
    public static T Read<T>(string json, JsonSerializerOptions options)
    {
        if (!json.Contains("\"answer", StringComparison.Ordinal) || JsonNode.Parse(json) is not JsonObject root)
            return JsonSerializer.Deserialize<T>(json, options)!;
        var migrated = typeof(T) == typeof(CheckinRecord) ? MigrateRecord(root, options)
            : typeof(T) == typeof(CheckinDraft) && MigrateDraft(root, options);
        return migrated ? root.Deserialize<T>(options)! : JsonSerializer.Deserialize<T>(json, options)!;
    }

    private static bool MigrateRecord(JsonObject record, JsonSerializerOptions options)
    {
        var changed = false;
        foreach (var answer in (record["answers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (answer["value"] is not null || answer["answer"]?.GetValueKind() != JsonValueKind.String)
                continue;
            var purpose = answer["purpose"]?.GetValueKind() == JsonValueKind.Number ? (QuestionPurpose)answer["purpose"]!.GetValue<int>() : QuestionPurpose.None;
            answer["value"] = ToNode(LegacyAnswers.FromText(LegacyAnswers.KindOf(purpose), answer["answer"]!.GetValue<string>()), options);
            answer.Remove("answer");
            changed = true;
        }
        return changed;
    }

    private static bool MigrateDraft(JsonObject draft, JsonSerializerOptions options)
    {
        if (draft["answers"] is not JsonObject answers || answers.All(a => a.Value?.GetValueKind() != JsonValueKind.String))
            return false;
        var kinds = (draft["steps"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => s["key"] is not null)
            .ToDictionary(s => s["key"]!.GetValue<string>(), s => s["kind"]?.GetValueKind() == JsonValueKind.Number ? (QuestionKind)s["kind"]!.GetValue<int>() : QuestionKind.FreeText);
        foreach (var (key, value) in answers.ToList())
        {
            if (value?.GetValueKind() == JsonValueKind.String)
                answers[key] = ToNode(LegacyAnswers.FromText(kinds.GetValueOrDefault(key, QuestionKind.FreeText), value.GetValue<string>()), options);
        }
        return true;
    }

    private static JsonNode? ToNode(AnswerValue value, JsonSerializerOptions options) => JsonSerializer.SerializeToNode(value, options);
}
