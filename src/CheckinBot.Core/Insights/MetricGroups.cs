namespace CheckinBot.Core.Insights;

/// <summary>
/// The keys of the groups a rollup row belongs to: the organisation, a department, a manager's whole reporting tree, a
/// cadence. A check-in counts in each group its person was in when it was folded.
/// </summary>
public static class MetricGroups
{
    public const string Organisation = "org";
    public const string DepartmentPrefix = "dept:";
    public const string ManagerTreePrefix = "tree:";
    public const string CadencePrefix = "cadence:";

    /// <summary>People without a department form a group of their own, so departments add up to the organisation.</summary>
    public const string NoDepartment = "(none)";

    public static string Department(string? name) => DepartmentPrefix + (string.IsNullOrWhiteSpace(name) ? NoDepartment : name.Trim());

    public static string ManagerTree(string managerId) => ManagerTreePrefix + managerId;

    public static string Cadence(string cadenceId) => CadencePrefix + cadenceId;

    public static string PrefixOf(MetricsGroupBy groupBy) => groupBy switch
    {
        MetricsGroupBy.Department => DepartmentPrefix,
        MetricsGroupBy.Manager => ManagerTreePrefix,
        MetricsGroupBy.Cadence => CadencePrefix,
        _ => Organisation,
    };
}
