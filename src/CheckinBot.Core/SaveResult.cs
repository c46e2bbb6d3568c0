namespace CheckinBot.Core;

/// <summary>The outcome of a save, with the stored definition when it was saved and the problems by field when invalid.</summary>
public sealed record SaveResult<T>
    where T : class
{
    public SaveResult(T saved) => (Outcome, Saved) = (SaveOutcome.Saved, saved);

    /// <summary>Nothing saved, for a reason other than validation.</summary>
    public SaveResult(SaveOutcome outcome) => Outcome = outcome;

    public SaveResult(IReadOnlyDictionary<string, string[]> errors) => (Outcome, Errors) = (SaveOutcome.Invalid, errors);

    public SaveOutcome Outcome { get; }

    public T? Saved { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();
}
