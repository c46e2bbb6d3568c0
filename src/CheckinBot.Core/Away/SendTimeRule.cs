using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Time;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Away;

/// <summary>
/// The one rule checked when a question, a reminder or a nudge goes, in the person's own zone: nobody away is sent
/// anything (held until the first working hour after they are back), and nothing goes outside working hours or at the
/// weekend, except a question at the time HR chose for it: a cadence set for 07:30 still arrives at 07:30, while one
/// that is late (a restart, a claim that had to run out, more than <see cref="LateAfter"/>) waits for working hours.
/// </summary>
public sealed class SendTimeRule(AwayService away, IOptions<WorkdayOptions> workday, TimeProvider timeProvider)
{
    /// <summary>How long after its chosen time a question still counts as on time.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromHours(1);

    /// <summary>When an away with no known end is looked at again.</summary>
    public static readonly TimeSpan OpenEndedAwayCheckedEvery = TimeSpan.FromDays(1);

    /// <param name="chosenTime">The time HR chose for a question (its due time; a "run now" its start); null for reminders and nudges, which always keep to working hours.</param>
    public async Task<SendTime> CheckAsync(string userId, string? timeZoneId, DateTimeOffset? chosenTime, CancellationToken cancellationToken) =>
        Check(await away.FindAsync(userId, cancellationToken), timeZoneId, chosenTime);

    /// <summary>The same rule with the person's preferences already read (what they said of being away is there).</summary>
    public async Task<SendTime> CheckAsync(string userId, CheckinPreferences? preferences, string? timeZoneId, DateTimeOffset? chosenTime, CancellationToken cancellationToken) =>
        Check(await away.FindAsync(userId, preferences, cancellationToken), timeZoneId, chosenTime);

    private SendTime Check(AwayPeriod? away, string? timeZoneId, DateTimeOffset? chosenTime)
    {
        var hours = workday.Value.Hours;
        var now = timeProvider.GetUtcNow();
        if (away is { } period && period.Covers(now))
            return new SendTime(hours.NextWithin(period.End ?? now + OpenEndedAwayCheckedEvery, timeZoneId), period);
        if (chosenTime is { } chosen && now < chosen + LateAfter)
            return SendTime.Now;
        return hours.NextWithin(now, timeZoneId) is var next && next > now ? new SendTime(next) : SendTime.Now;
    }
}
