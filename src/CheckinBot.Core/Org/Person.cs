namespace CheckinBot.Core.Org;

/// <summary>One person as the org directory knows them. <see cref="Id"/> is the Entra object id.</summary>
public sealed record Person
{
    public required string Id { get; init; }
    public string? DisplayName { get; init; }
    public string? Mail { get; init; }
    public string? ManagerId { get; init; }
    public string? Department { get; init; }

    /// <summary>IANA time zone, where the directory knows it.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Entra groups the person belongs to, where the directory knows them (the org CSV's <c>groups</c> column).</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    /// <summary>Disabled accounts (people who left) are kept so history reads, but nothing is sent to them.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The first working day (Graph <c>employeeHireDate</c>, the org CSV's <c>hireDate</c>): where journeys start.</summary>
    public DateOnly? HireDate { get; init; }

    public string Name => DisplayName ?? Mail ?? "A colleague";
}
