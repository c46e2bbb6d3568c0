using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Core.Messaging;

/// <summary>The deployment's budget for calls to Teams outside a turn (<c>Teams:*</c>).</summary>
public sealed class SendBudgetOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Requests a second for the whole deployment, shared by every instance. Teams allows an app 50 a second per tenant
    /// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit); the default leaves a margin.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Teams:MaxRequestsPerSecond must be between 1 and 1000.")]
    public int MaxRequestsPerSecond { get; set; } = 45;
}
