namespace CheckinBot.Core.Insights.Events;

/// <summary>
/// Something that counts in the metrics, noted in the outbox (<see cref="IMetricsOutbox"/>) before the write it
/// describes and folded into the rollups once that write is there. Each kind has its own folder with its fold.
/// </summary>
/// <param name="OwnerId">Whose log holds what the event points to: the person, or the run for a run's chunk.</param>
public abstract record MetricsEvent(string OwnerId)
{
    /// <summary>Whether the owner's goal stock (their active goals' progress) may have moved.</summary>
    public virtual bool MovesGoalStock => false;
}
