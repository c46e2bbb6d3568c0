using CheckinBot.Core;

namespace CheckinBot.Teams.Bot;

public enum TurnFailureKind
{
    /// <summary>A passing fault (timeout, throttling, a lost race): sending it again can work.</summary>
    Transient,

    /// <summary>The request cannot succeed as it is (storage refused the key or the size): asking again would not help.</summary>
    Permanent,

    /// <summary>Not a failure any adapter knows: a bug.</summary>
    Unknown,
}

/// <summary>Tells a passing fault (worth sending again) from one that retrying cannot fix, and both from a bug.</summary>
public sealed class TurnFailures(IEnumerable<IFailureClassifier> classifiers)
{
    public TurnFailureKind Classify(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException or HttpRequestException or ConcurrencyConflictException => TurnFailureKind.Transient,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Classify).Max(),
        _ => classifiers.Select(c => c.IsTransient(exception)).FirstOrDefault(t => t is not null) switch
        {
            true => TurnFailureKind.Transient,
            false => TurnFailureKind.Permanent,
            null => TurnFailureKind.Unknown,
        },
    };
}
