namespace CheckinBot.Core.Feedback;

/// <summary>Section <c>Feedback</c>.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>A request unanswered this long earns its recipient a nudge (at most one a day, in working hours).</summary>
    public TimeSpan NudgeAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Local working hours in which nudges may arrive, Monday to Friday.</summary>
    public int WorkdayStartHour { get; set; } = 8;
    public int WorkdayEndHour { get; set; } = 18;
}
