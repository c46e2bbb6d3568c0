namespace CheckinBot.Core.Org;

/// <summary>A page of changes; the last page of a round carries the token that asks for "changes since now" next time.</summary>
public sealed record OrgChartPage(IReadOnlyList<PersonChange> Changes, string? NextSyncToken);
