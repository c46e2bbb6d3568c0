namespace CheckinBot.Core.Feedback;

/// <summary>What a <see cref="FeedbackDelivery"/> carries.</summary>
public enum FeedbackItem
{
    /// <summary>A request, to the person asked (it lives in the requester's log).</summary>
    Request,

    /// <summary>A piece of feedback, to the person it is for (it lives in their log).</summary>
    Note,
}
