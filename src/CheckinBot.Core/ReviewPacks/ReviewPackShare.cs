namespace CheckinBot.Core.ReviewPacks;

/// <summary>What a Share did: to whom (null: the directory lists no manager), and how many lines stayed out as private.</summary>
public sealed record ReviewPackShare(string? ManagerName, int PrivateLeftOut);
