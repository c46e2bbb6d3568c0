namespace CheckinBot.Core.Runs;

/// <summary>What became of HR's "run now" (the same rules in chat and over the admin API).</summary>
public enum RunNowOutcome
{
    /// <summary>The run is on its way.</summary>
    Started,

    /// <summary>Ask first: how many people it reaches, and (after a recent run) that it went out not long ago.</summary>
    NeedsConfirmation,

    /// <summary>This confirmation was used already (a double click): that run is on its way, nothing more is sent.</summary>
    AlreadyStarted,

    /// <summary>A run of this cadence is still in progress: another would ask people twice.</summary>
    Running,

    /// <summary>The cadence is paused: resume it first.</summary>
    Paused,

    /// <summary>A journey asks each person on their own steps' days, from their hire date: it has no "now" for everyone.</summary>
    Journey,

    NotFound,
}
