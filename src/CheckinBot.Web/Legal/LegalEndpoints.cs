using System.Net;
using CheckinBot.Core.Cadences;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Legal;

/// <summary>
/// <c>/privacy</c> and <c>/terms</c>: the pages the Teams manifest links (developer.privacyUrl and termsOfUseUrl), short
/// and true to what the bot stores and for how long (docs/data-model.md), with the organisation and contact from
/// <see cref="LegalOptions"/>.
/// </summary>
internal static class LegalEndpoints
{
    public static IEndpointRouteBuilder MapLegalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", (IOptions<LegalOptions> legal, IOptions<HrOptions> hr) => Page("Privacy", legal.Value, $"""
            <h2>What CheckinBot keeps</h2>
            <ul>
              <li>Your check-ins (your answers), your learning goals and their progress, your wins, and the feedback you ask for, give and receive.</li>
              <li>From the organisation's directory: your name, manager, department, time zone and hire date.</li>
              <li>How to reach you in Teams (your chat with the bot), and when you snoozed or skipped a check-in or said you are away.</li>
              <li>Whether your Outlook automatic replies are on, and when (only where the organisation allowed it; never their text), kept in memory for a few hours so nobody is asked while away.</li>
            </ul>
            <h2>Who sees it</h2>
            <ul>
              <li>You see all of it, in chat and in the Growth tab.</li>
              <li>Your manager sees a check-in only when you share it, and the feedback you send them; a review pack only when you press Share (never lines from check-ins you kept private); while you are away, that you are away and until when.</li>
              <li>HR sees counts only (how many took part, energy on a 1–5 scale, goals reached), and only for groups of at least {hr.Value.MinGroupSize} people: never what anyone wrote.</li>
            </ul>
            <h2>How long</h2>
            <ul>
              <li>Until you delete it: type <b>delete my data</b> to the bot and your check-ins, goals, feedback and settings are erased. Counts already added to the organisation's figures stay; they hold no words and no name.</li>
              <li>Type <b>export my data</b> for a copy of everything kept about you.</li>
              <li>The service's logs never contain what you wrote; they are kept as long as the organisation's monitoring keeps logs (90 days unless it chose otherwise).</li>
            </ul>
            <p>It is stored in {Html(legal.Value.Organisation)}'s own Microsoft Azure subscription and is not sent to anyone else.</p>
            """));
        endpoints.MapGet("/terms", (IOptions<LegalOptions> legal) => Page("Terms of use", legal.Value, $"""
            <p>{Html(legal.Value.Organisation)} provides CheckinBot to its people for career check-ins with their managers: learning goals, wins and feedback.</p>
            <ul>
              <li>Use it as you would any work tool, under {Html(legal.Value.Organisation)}'s policies.</li>
              <li>What you write is yours to share: a check-in reaches your manager only when you choose to share it.</li>
              <li>It is offered as it is; {Html(legal.Value.Organisation)} may change or end it, and you can delete your data at any time (see the privacy page).</li>
            </ul>
            """));
        return endpoints;
    }

    private static IResult Page(string title, LegalOptions legal, string body) => Results.Content($"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>CheckinBot: {title}</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
        <h1>CheckinBot: {title}</h1>
        {body}
        <p>Questions: {Html(legal.Contact)}. See also <a href="/privacy">privacy</a> and <a href="/terms">terms of use</a>.</p>
        </body>
        </html>
        """, "text/html; charset=utf-8");

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
