namespace CheckinBot.Core;

/// <summary>
/// Says whether a failure from an adapter (storage, a remote service) is passing, so a person can be told "send it
/// again" only when that can work. Null: not this adapter's failure.
/// </summary>
public interface IFailureClassifier
{
    bool? IsTransient(Exception exception);
}
