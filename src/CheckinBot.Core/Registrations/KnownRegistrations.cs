namespace CheckinBot.Core.Registrations;

/// <summary>Every registration as read by one scan at <see cref="AsOf"/>, by person id.</summary>
public sealed record KnownRegistrations(DateTimeOffset AsOf, IReadOnlyDictionary<string, RegisteredPerson> People);
