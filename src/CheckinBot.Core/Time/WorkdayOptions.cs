using System.ComponentModel.DataAnnotations;
using CheckinBot.Core.Cadences;

namespace CheckinBot.Core.Time;

/// <summary>
/// Section <c>Workday</c>: the local working hours, Monday to Friday in each person's own zone, that check-in reminders
/// and feedback nudges keep to. Read from <c>Feedback:WorkdayStartHour</c>/<c>WorkdayEndHour</c> when this section does
/// not set them (their old place; the host warns at start-up).
/// </summary>
public sealed class WorkdayOptions : IValidatableObject
{
    public const string SectionName = "Workday";

    public const string OldStartHourKey = "Feedback:WorkdayStartHour";
    public const string OldEndHourKey = "Feedback:WorkdayEndHour";

    /// <summary>Each old key and the key that replaced it.</summary>
    public static readonly IReadOnlyList<(string Old, string New)> RenamedKeys =
        [(OldStartHourKey, "Workday:StartHour"), (OldEndHourKey, "Workday:EndHour")];

    [Range(0, 23, ErrorMessage = "Workday:StartHour must be between 0 and 23.")]
    public int StartHour { get; set; } = 8;

    [Range(1, 24, ErrorMessage = "Workday:EndHour must be between 1 and 24.")]
    public int EndHour { get; set; } = 18;

    public WorkingHours Hours => new(StartHour, EndHour);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EndHour <= StartHour)
            yield return new ValidationResult("Workday:EndHour must be later than Workday:StartHour.");
    }
}
