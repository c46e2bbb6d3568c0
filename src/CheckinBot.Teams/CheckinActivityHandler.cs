using CheckinBot.Core.Cadences;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Bot;
using CheckinBot.Teams.CheckIns;
using CheckinBot.Teams.Welcome;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams;

/// <summary>
/// CheckinBot's conversation in Teams: keeps the person's chat registration current on every activity, greets them
/// once on install, and answers commands.
/// </summary>
public sealed partial class CheckinActivityHandler(
    ChatRegistrationService registrations,
    CheckinConversation checkins,
    HrAdmins hrAdmins,
    IEnumerable<IChatFeature> features,
    ILogger<CheckinActivityHandler> logger) : TeamsActivityHandler
{
    private const string SignedInOnly = "I keep a growth log only for signed-in Teams users, so I can't help in this conversation.";

    private readonly ChatRoutes _routes = ChatRoutes.From(features);

    public override async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!InstallSignals.IsRemoval(turn.Activity) && ToRegistration(turn.Activity) is { } observed)
        {
            var seen = await registrations.RecordSeenAsync(observed, InstallSignals.IsInstall(turn.Activity), cancellationToken);
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
        if (string.IsNullOrEmpty(userId))
        {
            await turn.SendTextAsync(SignedInOnly, cancellationToken);
            return;
        }
        var request = new ChatRequest(turn, userId, command);
        // An open check-in takes typed text as its answer, unless the text is exactly another command; "check in"
        // itself always goes to the check-in.
        var inCheckin = command.Kind == ChatCommandKind.CheckIn ? TypedTextOutcome.NoCheckinOpen : await checkins.HandleTextAsync(request, text, cancellationToken);
        if (inCheckin == TypedTextOutcome.Handled)
            return;

        if (_routes.FindCommand(command.Kind) is { } route)
        {
            if (await MayUseAsync(turn, userId, route.HrOnly, cancellationToken))
                await route.Handler(request, cancellationToken);
            if (inCheckin == TypedTextOutcome.CommandWhileOpen)
                await checkins.ShowWaitingAsync(turn, userId, cancellationToken);
        }
        else
            await turn.SendTextAsync("Sorry, I didn't get that. Type **help** to see what I can do.", cancellationToken);
    }

    protected override async Task OnInstallationRemoveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.From?.AadObjectId is { } userId)
            await registrations.MarkUninstalledAsync(userId, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, CardActionPayload action, CancellationToken cancellationToken)
    {
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } userId)
        {
            await turn.SendTextAsync(SignedInOnly, cancellationToken);
            return InvokeResponses.Error(400, "BadRequest", "Card actions need a signed-in user.");
        }
        if (_routes.FindVerb(action.Verb) is { } route)
        {
            if (await MayUseAsync(turn, userId, route.HrOnly, cancellationToken))
                await route.Handler(new CardRequest(turn, userId, action), cancellationToken);
            return InvokeResponses.Message("Got it.");
        }
        await turn.SendTextAsync("That button no longer does anything. Type **help** to see what I can do.", cancellationToken);
        return InvokeResponses.Error(400, "BadRequest", $"Unknown verb '{action.Verb}'.");
    }

    /// <summary>The HR gate of <see cref="ChatRoutes"/>: anyone else hears, politely, that this is HR's.</summary>
    private async Task<bool> MayUseAsync(TurnContext turn, string userId, bool hrOnly, CancellationToken cancellationToken)
    {
        if (!hrOnly || await hrAdmins.IsAdminAsync(userId, cancellationToken))
            return true;
        await turn.SendCardAsync(WelcomeCards.HrOnly(), cancellationToken);
        return false;
    }

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
            TimeZone = activity.ReportedTimeZone,
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
