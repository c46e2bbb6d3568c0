namespace CheckinBot.Teams.CheckIns;

/// <summary>What an open check-in made of a typed message.</summary>
public enum TypedTextOutcome
{
    /// <summary>No check-in is open (or it is set aside): the text is a command or small talk.</summary>
    NoCheckinOpen,

    /// <summary>It answered or steered the open check-in.</summary>
    Handled,

    /// <summary>
    /// It was exactly another command (<c>goals</c>, <c>export my data</c>, …): run it, then show the question the
    /// check-in waits at. Never stored as the answer.
    /// </summary>
    CommandWhileOpen,
}
