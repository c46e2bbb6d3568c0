namespace CheckinBot.Core.CheckIns;

/// <summary>A rotating bank of reflection prompts, so people do not see the same one every time.</summary>
public static class ReflectionPrompts
{
    public static IReadOnlyList<string> Bank { get; } =
    [
        "What is one thing you would do differently if you started this period again?",
        "Which skill did you use most this period, and which did you miss?",
        "Who helped you grow recently, and how?",
        "What feedback surprised you lately?",
        "What made you lose track of time at work this period?",
        "What is a small experiment you could try next period?",
        "Which of your strengths went unused?",
        "What did you avoid, and why?",
        "What would make the next period a success for you?",
        "What did you teach someone else?",
        "What are you curious to learn next?",
        "Where did you step outside your comfort zone?",
        "What would your future self thank you for starting now?",
        "Which conversation would help your growth most if you had it this month?",
    ];

    /// <summary>The prompt for a person's n-th check-in: consecutive check-ins never repeat a prompt.</summary>
    public static string For(string userId, int checkinNumber)
    {
        var offset = (int)(StableHash(userId) % (uint)Bank.Count);
        return Bank[(offset + checkinNumber) % Bank.Count];
    }

    // string.GetHashCode is randomised per process; check-ins must pick the same prompt on every instance.
    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
