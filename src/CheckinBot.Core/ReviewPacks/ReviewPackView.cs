namespace CheckinBot.Core.ReviewPacks;

/// <summary>A review pack as opened: whose, the period, and its lines as the log has them now, in section and date order.</summary>
/// <param name="ForManager">The manager's copy: lines from private check-ins are left out.</param>
public sealed record ReviewPackView(ReviewPack Pack, string PersonName, bool ForManager, IReadOnlyList<ReviewEntry> Entries, IReadOnlyList<ReviewSourceEntry> Sources);
