using Azure;
using CheckinBot.Core;

namespace CheckinBot.Storage;

/// <summary>Table Storage: 408, 429 and 5xx pass; a 4xx (a key or entity the service refuses, too large) will not.</summary>
internal sealed class StorageFailureClassifier : IFailureClassifier
{
    public bool? IsTransient(Exception exception) => exception is RequestFailedException failed
        ? failed.Status is 0 or 408 or 429 or >= 500
        : null;
}
