using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Core.Cadences;

/// <summary>Section <c>Hr</c>: who may manage cadences and see HR metrics.</summary>
public sealed class HrOptions
{
    public const string SectionName = "Hr";

    /// <summary>Entra group whose members are HR admins (checked through the org directory's source when it supports groups).</summary>
    public string? AdminGroupId { get; set; }

    /// <summary>Entra object ids of HR admins.</summary>
    public IList<string> AdminUserIds { get; } = [];

    /// <summary>
    /// The fewest people a group may have for its figures to be shown (anonymity threshold); below 3 one person could
    /// find out another's answers by elimination.
    /// </summary>
    [Range(3, 1000, ErrorMessage = "Hr:MinGroupSize must be between 3 and 1000.")]
    public int MinGroupSize { get; set; } = 5;

    public bool IsAdmin(string userId) => AdminUserIds.Contains(userId, StringComparer.OrdinalIgnoreCase);
}
