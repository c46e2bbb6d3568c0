namespace CheckinBot.Core.Cadences;

/// <summary>Section <c>Hr</c>: who may manage cadences and see HR metrics.</summary>
public sealed class HrOptions
{
    public const string SectionName = "Hr";

    /// <summary>Entra group whose members are HR admins (checked through the org directory's source when it supports groups).</summary>
    public string? AdminGroupId { get; set; }

    /// <summary>Entra object ids of HR admins.</summary>
    public IList<string> AdminUserIds { get; } = [];

    public bool IsAdmin(string userId) => AdminUserIds.Contains(userId, StringComparer.OrdinalIgnoreCase);
}
