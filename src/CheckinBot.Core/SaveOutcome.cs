namespace CheckinBot.Core;

/// <summary>What became of an HR definition's create or update, the same for chat and the admin API.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>Not valid: <see cref="SaveResult{T}.Errors"/> says what to fix, by field.</summary>
    Invalid,

    /// <summary>A create named an id that is taken.</summary>
    Exists,

    /// <summary>An update named an id that is not there (never was, or deleted meanwhile).</summary>
    Gone,

    /// <summary>Someone else changed it between the read and the write.</summary>
    Conflict,
}
