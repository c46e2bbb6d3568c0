namespace CheckinBot.Web.Tab;

/// <summary>A person of the sample org, for the local picker.</summary>
internal sealed record LocalPerson(string Id, string Name, string? Department, bool IsManager, bool IsHr);
