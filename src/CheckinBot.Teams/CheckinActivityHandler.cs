using CheckinBot.Core.Commands;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Bot;
using CheckinBot.Teams.CheckIns;
using CheckinBot.Teams.Goals;
using CheckinBot.Teams.Welcome;
using CheckinBot.Teams.GrowthLog;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams;

/// <summary>
/// CheckinBot's conversation in Teams: keeps the person's chat registration current on every activity, greets them
/// once on install, and answers commands.
/// </summary>
public sealed partial class CheckinActivityHandler(
    ChatRegistrationService registrations,
    CheckinConversation checkins,
    GoalsConversation goals,
    GrowthLogConversation growthLog,
    ILogger<CheckinActivityHandler> logger) : TeamsActivityHandler
{
    public override async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!IsRemoval(turn.Activity) && ToRegistration(turn.Activity) is { } observed)
        {
            var seen = await registrations.RecordSeenAsync(observed, IsInstall(turn.Activity), cancellationToken);
            if (seen.ShouldWelcome)
            {
                LogWelcomed(logger, observed.UserId);
                await turn.SendCardAsync(WelcomeCards.Welcome(observed.DisplayName), cancellationToken);
            }
        }
        return await base.OnTurnAsync(turn, cancellationToken);
    }

    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = StripMentions(turn.Activity.Text);
        var command = ChatCommandParser.Parse(text);
        var userId = turn.Activity.From?.AadObjectId;
        LogCommand(logger, userId, command.Kind);
        if (userId is null)
        {
            await turn.SendTextAsync("I keep a growth log only for signed-in Teams users, so I can't help in this conversation.", cancellationToken);
            return;
        }
        if (command.Kind == ChatCommandKind.CheckIn)
        {
            await checkins.StartAsync(turn, userId, cancellationToken);
            return;
        }
        if (await checkins.TryHandleTextAsync(turn, userId, text, cancellationToken))
            return;

        switch (command.Kind)
        {
            case ChatCommandKind.Help:
                await turn.SendCardAsync(WelcomeCards.Help(), cancellationToken);
                break;
            case ChatCommandKind.Goals:
                await goals.ListAsync(turn, userId, cancellationToken);
                break;
            case ChatCommandKind.AddGoal:
                await goals.AddFromTextAsync(turn, userId, command.Argument, cancellationToken);
                break;
            case ChatCommandKind.Wins:
                await growthLog.WinsAsync(turn, userId, BragPeriod.Quarter, cancellationToken);
                break;
            case ChatCommandKind.Feedback:
                await growthLog.FeedbackAsync(turn, userId, cancellationToken);
                break;
            case ChatCommandKind.Snooze:
                await turn.SendCardAsync(CheckinCards.SnoozeOptions(), cancellationToken);
                break;
            case ChatCommandKind.Skip:
                await checkins.SkipCycleAsync(turn, userId, cancellationToken);
                break;
            case ChatCommandKind.ExportMyData:
                await growthLog.ExportAsync(turn, userId, cancellationToken);
                break;
            case ChatCommandKind.DeleteMyData:
                await turn.SendCardAsync(GrowthLogCards.ConfirmErase(), cancellationToken);
                break;
            case ChatCommandKind.Unknown:
                await turn.SendTextAsync("Sorry, I didn't get that. Type **help** to see what I can do.", cancellationToken);
                break;
            default:
                await turn.SendTextAsync("That part of CheckinBot is on its way but not ready yet. Type **help** to see what I can do.", cancellationToken);
                break;
        }
    }

    protected override async Task OnInstallationRemoveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.From?.AadObjectId is { } userId)
            await registrations.MarkUninstalledAsync(userId, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, CardActionPayload action, CancellationToken cancellationToken)
    {
        if (action.Verb == WelcomeCards.HelpVerb)
        {
            await turn.SendCardAsync(WelcomeCards.Help(), cancellationToken);
            return InvokeResponses.Message("Here is what I can do.");
        }
        if (turn.Activity.From?.AadObjectId is { } userId)
        {
            if (action.Verb.StartsWith("checkin.", StringComparison.Ordinal))
            {
                await checkins.HandleCardAsync(turn, userId, action, cancellationToken);
                return InvokeResponses.Message("Got it.");
            }
            if (action.Verb.StartsWith("goal.", StringComparison.Ordinal))
            {
                await goals.HandleCardAsync(turn, userId, action, cancellationToken);
                return InvokeResponses.Message("Got it.");
            }
            if (action.Verb.StartsWith("wins.", StringComparison.Ordinal) || action.Verb.StartsWith("data.", StringComparison.Ordinal))
            {
                await growthLog.HandleCardAsync(turn, userId, action, cancellationToken);
                return InvokeResponses.Message("Got it.");
            }
        }
        await turn.SendTextAsync("That button no longer does anything. Type **help** to see what I can do.", cancellationToken);
        return InvokeResponses.Error(400, "BadRequest", $"Unknown verb '{action.Verb}'.");
    }

    private static bool IsInstall(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && !IsRemoval(activity))
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true);

    private static bool IsRemoval(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true);

    /// <summary>Only personal chats are the 1:1 conversation we can reach the person in later.</summary>
    private static ChatRegistration? ToRegistration(Activity activity)
    {
        var from = activity.From;
        var conversation = activity.Conversation;
        if (from?.AadObjectId is not { Length: > 0 } userId || from.Id is null || conversation?.Id is null
            || activity.ServiceUrl is null || activity.TenantId is null
            || (conversation.ConversationType ?? "personal") != "personal")
        {
            return null;
        }
        return new ChatRegistration
        {
            UserId = userId,
            TenantId = activity.TenantId,
            ChannelUserId = from.Id,
            BotChannelId = activity.Recipient?.Id,
            DisplayName = from.Name,
            ConversationId = conversation.Id,
            ServiceUrl = activity.ServiceUrl,
            TimeZone = activity.ClientTimeZone ?? activity.LocalTimezone,
        };
    }

    /// <summary>In group chats the text carries the bot mention as &lt;at&gt;Name&lt;/at&gt;; it is not part of the command.</summary>
    private static string StripMentions(string? text) =>
        System.Text.RegularExpressions.Regex.Replace(text ?? "", "<at>.*?</at>", "", default, TimeSpan.FromMilliseconds(100));

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Welcomed {UserId}")]
    private static partial void LogWelcomed(ILogger logger, string userId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Command {Kind} from {UserId}")]
    private static partial void LogCommand(ILogger logger, string? userId, ChatCommandKind kind);
}
