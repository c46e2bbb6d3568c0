using CheckinBot.Core.Registrations;
using CheckinBot.Core.Time;

namespace CheckinBot.Core.Org;

/// <summary>
/// A person's time zone, by the one rule every schedule uses: the org directory's, else the one Teams reported from
/// their client (their chat registration), else null (the caller's fallback: a cadence's zone, or UTC).
/// </summary>
public sealed class PersonZones(IOrgDirectory directory, IChatRegistrationStore registrations)
{
    /// <param name="person">The person as already read from the directory, to spare a second read.</param>
    public async Task<string?> FindAsync(string userId, Person? person, CancellationToken cancellationToken)
    {
        person ??= await directory.FindAsync(userId, cancellationToken);
        return Of(person?.TimeZone, person?.TimeZone is null ? (await registrations.FindAsync(userId, cancellationToken))?.TimeZone : null);
    }

    /// <summary>The rule on what was already read: the directory's zone, else the one Teams reported.</summary>
    public static string? Of(string? directoryZone, string? teamsZone) => IanaTimeZone.Normalize(directoryZone ?? teamsZone);
}
