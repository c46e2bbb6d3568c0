using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Fatigue;

/// <summary>
/// Cadences that adapt to fatigue, decided as each occurrence is sent (within HR's guardrails, <see cref="CadenceAdaptation"/>):
/// tired for two occurrences in a row (<see cref="FatigueReading.IsTired"/>), the person gets the cadence's light form;
/// still tired on it, and where HR allows, a weekly cadence steps down to every second, then every fourth week (never
/// past HR's floor). Two healthy occurrences in a row bring them back; <c>full check-ins</c> does at once, for good.
/// The person is told why in one sentence; the state (with when and why, in figures) is kept in their preferences.
/// </summary>
public sealed partial class FatigueService(ICheckinStore store, TimeProvider timeProvider, ILogger<FatigueService> logger)
{
    /// <summary>What to ask for this occurrence; reading and recording the signal once per occurrence.</summary>
    /// <param name="history">The person's finished check-ins, as the send just read them.</param>
    public async Task<AdaptedAsk> AdaptAsync(
        string userId, Cadence cadence, string occurrenceId, DateTimeOffset dueAt, IReadOnlyList<CheckinRecord> history, CancellationToken cancellationToken)
    {
        var full = new AdaptedAsk(cadence.QuestionSetFor(occurrenceId));
        if (cadence.Adaptation is not { Enabled: true } guard || cadence.IsJourney || Occurrences.IsRunNow(occurrenceId))
            return full;
        AdaptationState? before = null;
        var saved = await OptimisticUpdate.RunAsync(
            () => store.FindPreferencesAsync(userId, cancellationToken),
            p =>
            {
                before = p?.Adaptations.FirstOrDefault(a => a.CadenceId == cadence.Id);
                var state = before ?? new AdaptationState { CadenceId = cadence.Id };
                if (state.LastOccurrenceId == occurrenceId)
                    return null; // decided already (a retried send)
                var next = Next(state, FatigueSignal.Read(state.Asked, history, p), guard, cadence, occurrenceId, dueAt);
                return (p ?? new CheckinPreferences { UserId = userId }) with
                {
                    Adaptations = [.. (p?.Adaptations ?? []).Where(a => a.CadenceId != cadence.Id), next],
                };
            },
            next => store.TrySavePreferencesAsync(next, cancellationToken),
            $"Adaptation of {userId} to {cadence.Id}");
        var now = (saved ?? await store.FindPreferencesAsync(userId, cancellationToken))?.Adaptations.FirstOrDefault(a => a.CadenceId == cadence.Id);
        if (now is null)
            return full;
        if (now.IsAdapted != (before?.IsAdapted ?? false) || now.StepDown != (before?.StepDown ?? 0))
            LogChanged(logger, userId, cadence.Id, now.Form, now.StepDown, now.Why);
        if (SteppedOver(now, occurrenceId))
            return full with { SteppedOver = true };
        return now.Form == CheckinForm.Light
            ? new AdaptedAsk(guard.LightQuestionSetId, Note: $"This one is shorter: {now.Why}. Say **full check-ins** to go back to the full set.")
            : full;
    }

    /// <summary>How many people each cadence asks a lighter form (or less often) now, from the on-hold index: one query.</summary>
    public async Task<IReadOnlyDictionary<string, int>> LighterByCadenceAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var held in store.ListOnHoldAsync(cancellationToken))
        {
            foreach (var cadenceId in held.Lighter?.Keys ?? [])
                counts[cadenceId] = counts.GetValueOrDefault(cadenceId) + 1;
        }
        return counts;
    }

    /// <summary><c>full check-ins</c>: back to the full set of every adapted cadence, at once and for good.</summary>
    public async Task<bool> ChooseFullAsync(string userId, CancellationToken cancellationToken)
    {
        var changed = false;
        await OptimisticUpdate.RunAsync(
            () => store.FindPreferencesAsync(userId, cancellationToken),
            p =>
            {
                changed = p?.Adaptations.Any(a => a.IsAdapted) == true;
                return p is null ? null : p with
                {
                    Adaptations = [.. p.Adaptations.Select(a => (a with
                    {
                        Form = CheckinForm.Full, StepDown = 0, TiredInARow = 0, FullByChoice = true, Why = "they asked for full check-ins",
                    }).Recorded(timeProvider.GetUtcNow()))],
                };
            },
            next => store.TrySavePreferencesAsync(next, cancellationToken),
            $"Full check-ins of {userId}");
        return changed;
    }

    private AdaptationState Next(AdaptationState state, FatigueReading reading, CadenceAdaptation guard, Cadence cadence, string occurrenceId, DateTimeOffset dueAt)
    {
        var tired = reading.IsTired;
        var next = state with
        {
            LastOccurrenceId = occurrenceId,
            TiredInARow = tired ? state.TiredInARow + 1 : 0,
            HealthyInARow = tired || !reading.EnoughHistory ? 0 : state.HealthyInARow + 1,
        };
        var now = timeProvider.GetUtcNow();
        if (!next.FullByChoice && next.TiredInARow >= 2 && next.Form == CheckinForm.Full)
            next = (next with { Form = CheckinForm.Light, TiredInARow = 0, Why = reading.Figures }).Recorded(now);
        else if (!next.FullByChoice && next.TiredInARow >= 2 && guard.MayChangeFrequency && IsWeekly(cadence) && next.StepDown < (int)guard.Floor)
            next = (next with { StepDown = next.StepDown + 1, TiredInARow = 0, Why = reading.Figures }).Recorded(now);
        else if (next.HealthyInARow >= 2 && next.IsAdapted)
            next = (next with { Form = CheckinForm.Full, StepDown = 0, HealthyInARow = 0, RecoveredAt = now, Why = "two healthy check-ins in a row" }).Recorded(now);
        // The signal reads the occurrences actually asked: one stepped over is not held against them.
        return SteppedOver(next, occurrenceId) ? next : next with { Asked = [.. next.Asked.TakeLast(FatigueReading.Window - 1), new AskedOccurrence(occurrenceId, dueAt)] };
    }

    private static bool IsWeekly(Cadence cadence) => cadence.Schedule is { Frequency: CadenceFrequency.Weekly, Interval: 1 };

    /// <summary>Stepped down: only every second (or fourth) week's occurrence is asked, counted from the calendar's weeks.</summary>
    private static bool SteppedOver(AdaptationState state, string occurrenceId) =>
        state.StepDown > 0 && DateOnly.TryParseExact(occurrenceId[(occurrenceId.IndexOf(':', StringComparison.Ordinal) + 1)..], "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
        && (date.DayNumber / 7) % (1 << state.StepDown) != 0;

    [LoggerMessage(EventId = 9801, Level = LogLevel.Information, Message = "{UserId} on {CadenceId}: {Form} form, stepped down {StepDown} ({Why})")]
    private static partial void LogChanged(ILogger logger, string userId, string cadenceId, CheckinForm form, int stepDown, string? why);
}
