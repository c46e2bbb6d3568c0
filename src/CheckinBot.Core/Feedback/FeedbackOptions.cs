using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Core.Feedback;

/// <summary>Section <c>Feedback</c>. The hours nudges keep to are <see cref="Time.WorkdayOptions"/>.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>A request unanswered this long earns its recipient a nudge (at most one a day, in working hours).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = "Feedback:NudgeAfter must be between 01:00:00 and 90.00:00:00.")]
    public TimeSpan NudgeAfter { get; set; } = TimeSpan.FromDays(3);
}
