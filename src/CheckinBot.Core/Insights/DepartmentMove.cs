namespace CheckinBot.Core.Insights;

/// <summary>A department's completed check-ins in the last four weeks against the four before (shown groups only).</summary>
public sealed record DepartmentMove(string Department, int Completed, int CompletedBefore)
{
    public int Change => Completed - CompletedBefore;
}
