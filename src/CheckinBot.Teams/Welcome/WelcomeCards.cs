using CheckinBot.Teams.Cards;
using CheckinBot.Teams.CheckIns;

namespace CheckinBot.Teams.Welcome;

/// <summary>The first cards a person sees: hello, and what they can type.</summary>
public static class WelcomeCards
{
    public const string HelpVerb = "help";

    /// <summary>Command, what it does. Kept in the order a newcomer would try them.</summary>
    internal static readonly (string Command, string Description)[] Commands =
    [
        ("check in", "Start (or resume) your check-in"),
        ("goals", "See your learning goals and progress"),
        ("add goal", "Add a learning goal"),
        ("wins", "Your brag sheet of wins and milestones"),
        ("feedback", "Feedback you received and asked for"),
        ("snooze", "Remind me later about this check-in"),
        ("skip", "Skip this check-in cycle"),
        ("full check-ins", "If I made your check-ins shorter, go back to the full set"),
        ("away until 12 Jan", "Away (holiday, leave): no check-ins, reminders or nudges until the day you are back; **back** when you are"),
        ("review pack", "A draft self-review from your own log, for the period you pick: you choose what goes in, and whether your manager sees it"),
        ("export my data", "Get everything stored about you"),
        ("delete my data", "Erase everything stored about you"),
        ("team", "Managers: who in your team has checked in"),
        ("cadences", "HR: manage check-in schedules"),
        ("question sets", "HR: edit the questions check-ins ask"),
        ("stats", "Your last four weeks; your team's and, for HR, the organisation's"),
    ];

    public static AdaptiveCard Welcome(string? displayName)
    {
        var greeting = FirstName(displayName) is { } first ? $"Hi {first}, I'm CheckinBot" : "Hi, I'm CheckinBot";
        return new AdaptiveCard(
            [
                TextBlock.Heading(greeting),
                new TextBlock("I help you make career growth a habit: a short check-in in this chat now and then, "
                    + "a log of your learning goals, wins and feedback, and an easy way to keep your manager in the loop."),
                new TextBlock("Everything you write is yours. You choose what your manager sees, and you can export or delete it any time.")
                    { IsSubtle = true },
            ],
            [SubmitAction.ForVerb("Start a check-in", CheckinCards.StartVerb), SubmitAction.ForVerb("Show what I can do", HelpVerb)]);
    }

    /// <summary>The answer to an HR-only command or button from anyone else (<see cref="Bot.ChatRoutes.HrCommand"/>).</summary>
    public static AdaptiveCard HrOnly() => new(
    [
        new TextBlock("Cadences and question sets are managed by HR, so this one isn't for you. Type **help** to see what you can do."),
    ]);

    public static AdaptiveCard Help() => new(
        [
            TextBlock.Heading("What you can type"),
            new FactSet([.. Commands.Select(c => new Fact(c.Command, c.Description))]),
            TextBlock.Subtle("Commands work in any case. Buttons on my cards do the same."),
        ]);


    private static string? FirstName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim().Split(' ')[0];
}
