using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Core.Feedback;

/// <summary>Section <c>Feedback</c>.</summary>
public sealed class FeedbackOptions : IValidatableObject
{
    public const string SectionName = "Feedback";

    /// <summary>A request unanswered this long earns its recipient a nudge (at most one a day, in working hours).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = "Feedback:NudgeAfter must be between 01:00:00 and 90.00:00:00.")]
    public TimeSpan NudgeAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Local working hours in which nudges may arrive, Monday to Friday.</summary>
    [Range(0, 23, ErrorMessage = "Feedback:WorkdayStartHour must be between 0 and 23.")]
    public int WorkdayStartHour { get; set; } = 8;

    [Range(1, 24, ErrorMessage = "Feedback:WorkdayEndHour must be between 1 and 24.")]
    public int WorkdayEndHour { get; set; } = 18;

    /// <summary>The working hours these settings describe: feedback nudges and check-in reminders keep to them.</summary>
    public Cadences.WorkingHours Workday => new(WorkdayStartHour, WorkdayEndHour);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WorkdayEndHour <= WorkdayStartHour)
            yield return new ValidationResult("Feedback:WorkdayEndHour must be later than Feedback:WorkdayStartHour.");
    }
}
