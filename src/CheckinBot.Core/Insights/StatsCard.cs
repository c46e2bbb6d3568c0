namespace CheckinBot.Core.Insights;

/// <summary>What <c>stats</c> shows a person: their own summary, their team's if they lead one, the organisation's if HR.</summary>
public sealed record StatsCard(DateOnly From, DateOnly To, PersonalStats Me, TeamStats? Team, OrgStats? Organisation);
