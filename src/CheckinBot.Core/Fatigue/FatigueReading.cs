using System.Globalization;

namespace CheckinBot.Core.Fatigue;

/// <summary>
/// The fatigue signal of one person for one cadence, from their own history of its last occurrences: how many they
/// answered, skipped and snoozed, how long they took, whether their answers got shorter. Figures only, never words.
/// </summary>
public sealed record FatigueReading(int Asked, int Answered, int Skipped, int Snoozed, double? MedianHoursToAnswer, bool AnswersShrinking)
{
    /// <summary>Fewer than this many occurrences since they first answered: too little to say anything.</summary>
    public const int Window = 4;
    public const double SlowHours = 72;

    public bool EnoughHistory => Asked >= Window;

    /// <summary>
    /// Tired: answered at most one of the last four, or skipped and snoozed three times or more, or took more than three
    /// days at the median, or their answers shrank to under half their earlier length.
    /// </summary>
    public bool IsTired => EnoughHistory
        && (Answered <= 1 || Skipped + Snoozed >= 3 || MedianHoursToAnswer > SlowHours || AnswersShrinking);

    /// <summary>One sentence of figures, for the person and for the record.</summary>
    public string Figures => string.Create(CultureInfo.InvariantCulture,
        $"you answered {Answered} of your last {Asked} check-ins")
        + (Skipped + Snoozed > 0 ? string.Create(CultureInfo.InvariantCulture, $", skipped {Skipped} and snoozed {Snoozed}") : "")
        + (MedianHoursToAnswer > SlowHours ? string.Create(CultureInfo.InvariantCulture, $", taking {MedianHoursToAnswer / 24:0.#} days at the median") : "")
        + (AnswersShrinking ? ", with shorter answers lately" : "");
}
