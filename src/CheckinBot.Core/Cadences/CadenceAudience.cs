namespace CheckinBot.Core.Cadences;

/// <summary>Who a cadence is for: everyone the org directory knows, or departments, Entra groups and people; minus exclusions.</summary>
public sealed record CadenceAudience
{
    public bool Everyone { get; init; }
    public IReadOnlyList<string> Departments { get; init; } = [];
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    public IReadOnlyList<string> UserIds { get; init; } = [];
    public IReadOnlyList<string> ExcludeUserIds { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => !Everyone && Departments.Count == 0 && GroupIds.Count == 0 && UserIds.Count == 0;
}
