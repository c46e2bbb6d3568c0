namespace CheckinBot.Core.ReviewPacks;

/// <summary>A review pack as opened: whose, the period, and its lines as the log has them now, in section and date order.</summary>
/// <param name="ForManager">The manager's copy: lines from private check-ins are left out.</param>
public sealed record ReviewPackView(ReviewPack Pack, string PersonName, bool ForManager, IReadOnlyList<ReviewEntry> Entries, IReadOnlyList<ReviewSourceEntry> Sources)
{
    /// <summary>
    /// The copy the manager gets: every line from a private check-in left out, and so every private check-in among the
    /// sources (all its lines are private); what a shared source shows is the same in both copies.
    /// </summary>
    public ReviewPackView ManagersCopy()
    {
        var entries = Entries.Where(e => !e.FromPrivateCheckin).ToList();
        return this with
        {
            ForManager = true,
            Entries = entries,
            Sources = [.. Sources.Where(s => entries.Any(e => e.SourceKind == s.Kind && e.SourceId == s.Id))],
        };
    }
}
