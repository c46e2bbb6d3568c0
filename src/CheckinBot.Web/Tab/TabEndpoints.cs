using CheckinBot.Core.Cadences;
using CheckinBot.Core.Insights;
using CheckinBot.Core.Insights.Tab;
using CheckinBot.Core.Org;
using CheckinBot.Teams;
using CheckinBot.Web.Admin;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Tab;

/// <summary>
/// The Growth tab: the page (<c>/tab</c>, wwwroot/tab) and its small API — who I am and which views I get
/// (<c>/api/tab/context</c>), my own log (<c>/api/me/growth</c>), my team (<c>/api/team/overview</c>); the
/// organisation view reads the admin metrics API. In local mode, <c>/api/tab/people</c> lists the sample org for the
/// page's picker.
/// </summary>
internal static class TabEndpoints
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = ApiJson.Options;

    /// <summary>
    /// Teams hosts tabs in frames on these origins
    /// (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements).
    /// </summary>
    private const string FrameAncestors = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com";

    public static WebApplication MapTabEndpoints(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/tab"), tab =>
        {
            tab.Use((http, next) =>
            {
                http.Response.Headers.ContentSecurityPolicy = $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors {FrameAncestors}";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return next(http);
            });
            tab.UseResponseCompression();
            tab.UseStaticFiles();
        });
        app.MapGet("/tab", (IWebHostEnvironment environment) =>
            Results.File(environment.WebRootFileProvider.GetFileInfo("tab/index.html").PhysicalPath!, "text/html; charset=utf-8"));

        app.MapGet("/api/tab/context", ContextAsync).RequireAuthorization(AdminAuthentication.TabPolicy);
        app.MapGet("/api/tab/people", PeopleAsync);
        app.MapGet("/api/me/growth", async (HttpContext http, MyGrowthService growth, CancellationToken ct) =>
            Results.Json(await growth.ForAsync(TabCaller.IdOf(http)!, ct), Json)).RequireAuthorization(AdminAuthentication.TabPolicy);
        app.MapGet("/api/team/overview", async (HttpContext http, string? managerId, TeamOverviewService team, CancellationToken ct) =>
        {
            var caller = TabCaller.IdOf(http)!;
            return await team.ForAsync(caller, string.IsNullOrWhiteSpace(managerId) ? caller : managerId.Trim(), ct) is { } overview
                ? Results.Json(overview, Json)
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your team",
                    detail: "A manager sees their own reporting tree and the teams in it; ask for a team you lead.");
        }).RequireAuthorization(AdminAuthentication.TabPolicy);
        return app;
    }

    private static async Task<IResult> ContextAsync(HttpContext http, IOrgDirectory directory, HrAdmins hrAdmins, IOptions<BotOptions> bot, IOptions<HrOptions> hr, CancellationToken ct)
    {
        var userId = TabCaller.IdOf(http)!;
        var person = await directory.FindAsync(userId, ct);
        var isManager = person is not null && (await directory.DirectReportsAsync(person.Id, ct)).Count > 0;
        var isHr = await hrAdmins.IsAdminAsync(userId, ct);
        string[] views = [TabView.Me, .. isManager ? [TabView.Team] : Array.Empty<string>(), .. isHr ? [TabView.Organisation] : Array.Empty<string>()];
        return Results.Json(new TabContext(userId, person?.Name ?? "You", views, hr.Value.MinGroupSize,
            bot.Value.IsLocalMode ? null : bot.Value.AppId, UnreachableFixes.All), Json);
    }

    /// <summary>Local mode only, from loopback: the sample org for the picker. Elsewhere it does not exist.</summary>
    private static async Task<IResult> PeopleAsync(HttpContext http, IOrgDirectory directory, HrAdmins hrAdmins, CancellationToken ct)
    {
        if (!AdminAuthentication.IsLocalLoopback(http))
            return Results.NotFound();
        var people = new List<LocalPerson>();
        await foreach (var person in directory.ListEveryoneAsync(ct))
        {
            var isManager = (await directory.DirectReportsAsync(person.Id, ct)).Count > 0;
            people.Add(new LocalPerson(person.Id, person.Name, person.Department, isManager, await hrAdmins.IsAdminAsync(person.Id, ct)));
        }
        return Results.Json(people.OrderBy(p => p.Name, StringComparer.Ordinal), Json);
    }
}
