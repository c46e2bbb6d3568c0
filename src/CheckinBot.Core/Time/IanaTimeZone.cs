namespace CheckinBot.Core.Time;

/// <summary>Time zones are stored as IANA ids; clients sometimes report Windows ids or nonsense.</summary>
public static class IanaTimeZone
{
    /// <summary>The zone for an id, or UTC when the id is missing or unknown.</summary>
    public static TimeZoneInfo FindOrUtc(string? zoneId) =>
        zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar day <paramref name="at"/> falls on in a zone (UTC when the id is missing or unknown).</summary>
    public static DateOnly LocalDate(DateTimeOffset at, string? zoneId) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, FindOrUtc(zoneId)).DateTime);

    /// <summary>Returns the IANA id for a known IANA or Windows zone id, or null when it is unknown.</summary>
    public static string? Normalize(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
            return null;
        zoneId = zoneId.Trim();
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zoneId, out var iana))
            return iana;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            return null;
        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out iana) ? iana : null;
    }
}
