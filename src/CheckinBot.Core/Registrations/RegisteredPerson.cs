namespace CheckinBot.Core.Registrations;

/// <summary>What a whole-org read needs of a registration: whether the person can be reached, and the zone Teams reported.</summary>
public sealed record RegisteredPerson(string UserId, RegistrationStatus Status, string? TimeZone);
