namespace CheckinBot.Core.Cadences;

/// <param name="CycleDate">The local date of the cycle: with the cadence id, it names the occurrence for everyone.</param>
/// <param name="DueAtUtc">When this person's check-in is due, from the local send time in their zone.</param>
public sealed record CadenceOccurrence(DateOnly CycleDate, DateTimeOffset DueAtUtc)
{
    public string Id(string cadenceId) => $"{cadenceId}:{CycleDate:yyyy-MM-dd}";
}
