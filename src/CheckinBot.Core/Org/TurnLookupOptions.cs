using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Core.Org;

/// <summary>
/// Section <c>Graph</c>, as far as a turn is concerned: how long a turn may wait for a fact only the org source knows
/// (someone the cache has not met yet, an Entra group's members) before it answers without it.
/// </summary>
public sealed class TurnLookupOptions
{
    public const string SectionName = "Graph";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05", ErrorMessage = "Graph:TurnLookupTimeout must be between 00:00:00.010 and 00:00:05.")]
    public TimeSpan TurnLookupTimeout { get; set; } = TimeSpan.FromMilliseconds(300);
}
