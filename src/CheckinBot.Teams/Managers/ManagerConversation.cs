using CheckinBot.Core.Commands;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Org;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Managers;

/// <summary>
/// The manager's side in chat: <c>team</c>, and the summary card's buttons. Every action is checked against the
/// directory now: someone who is not (or no longer) the person's manager gets a clear answer and changes nothing.
/// </summary>
public sealed class ManagerConversation(TeamService team, ManagerSummaryService summaries, FeedbackService feedback, IOrgDirectory directory) : IChatFeature
{
    private const string NotYourReport = "You are not this person's manager (any more), so I can't show or record that. Type **team** to see your current reports.";

    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Team, async (r, ct) => await r.Turn.SendCardAsync(ManagerCards.Team(await team.TeamAsync(r.UserId, ct)), ct))
        .Verb(ManagerCards.FeedbackVerb, SendFeedbackAsync)
        .Verb(ManagerCards.AcknowledgeVerb, AcknowledgeAsync)
        .Verb(ManagerCards.HistoryVerb, HistoryAsync);

    private async Task SendFeedbackAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var (employeeId, checkinId) = Ids(request);
        var text = request.Get(ManagerCards.FeedbackInput);
        var (note, error) = await feedback.GiveAsync(request.UserId, employeeId, text, request.Get(ManagerCards.PraiseInput) == "true", checkinId, askId: null, cancellationToken);
        if (note is null)
        {
            // The card is left as it is, so the text typed into it is still there to fix and send again.
            await request.Turn.SendTextAsync(error!, cancellationToken);
            return;
        }
        var name = (await directory.FindAsync(employeeId, cancellationToken))?.Name ?? "your report";
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, ManagerCards.Done(name, employeeId, checkinId, $"Feedback sent: {note.Text}"), cancellationToken);
    }

    private async Task AcknowledgeAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var (employeeId, checkinId) = Ids(request);
        if (!await summaries.AcknowledgeAsync(request.UserId, employeeId, checkinId, cancellationToken))
        {
            await request.Turn.SendTextAsync(NotYourReport, cancellationToken);
            return;
        }
        var name = (await directory.FindAsync(employeeId, cancellationToken))?.Name ?? "your report";
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, ManagerCards.Done(name, employeeId, checkinId, "Acknowledged"), cancellationToken);
    }

    private async Task HistoryAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var (employeeId, _) = Ids(request);
        var records = await summaries.HistoryAsync(request.UserId, employeeId, max: 5, cancellationToken);
        var employee = await directory.FindAsync(employeeId, cancellationToken);
        await (records is null || employee is null
            ? request.Turn.SendTextAsync(NotYourReport, cancellationToken)
            : request.Turn.SendCardAsync(ManagerCards.History(employee, records), cancellationToken));
    }

    private static (string EmployeeId, string CheckinId) Ids(CardRequest request) => (request.Id("employeeId"), request.Id("checkinId"));
}
