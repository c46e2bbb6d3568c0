using CheckinBot.Core.ReviewPacks;

namespace CheckinBot.Web.ReviewPacks;

/// <summary>
/// The download behind a review pack's link (<see cref="ReviewPackLinks"/>): the Word document of that copy; and the
/// Growth tab's Me view, which offers the same pack as chat: the period's entries, a build of those kept ticked, Share.
/// </summary>
internal static class ReviewPackEndpoints
{
    /// <summary>What the tab asks to build: the period, and the ids of the entries kept ticked.</summary>
    internal sealed record BuildRequest(string? From, string? To, IReadOnlyList<string>? EntryIds);

    public static IEndpointRouteBuilder MapReviewPackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/review-pack/{packId}/{token}", async (string packId, string token, ReviewPackLinks links, ReviewPackService packs, HttpContext http) =>
        {
            var forManager = http.Request.Query["copy"] == "manager";
            if (await links.ValidateAsync(packId, token, forManager, http.RequestAborted) is not { } userId
                || await packs.OpenAsync(userId, packId, forManager, http.RequestAborted) is not { } view)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Link expired",
                    detail: "This review pack link is invalid, has expired, or its owner deleted their data. Type 'review pack' in Teams for a new one.");
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(ReviewPackDocument.Write(view), ReviewPackDocument.ContentType, $"review-pack-{view.Pack.From:yyyy-MM}-to-{view.Pack.To:yyyy-MM}.docx");
        });
        var me = endpoints.MapGroup("/api/me/review-pack").RequireAuthorization(Admin.AdminAuthentication.TabPolicy);
        me.MapGet("", async (HttpContext http, int? months, string? from, string? to, ReviewPackService packs, TimeProvider timeProvider, CancellationToken ct) =>
        {
            if (Period(months, from, to, timeProvider) is not { } period)
                return ApiProblems.BadParameter(months is null ? "from" : "months", "months is 6 or 12; or from and to (YYYY-MM-DD), at most two years, not in the future.");
            var entries = await packs.EntriesAsync(Admin.TabCaller.IdOf(http)!, period.From, period.To, ct);
            return Results.Json(new
            {
                from = period.From, to = period.To, maxEntries = ReviewPackService.MaxEntries, tooMany = entries.Count > ReviewPackService.MaxEntries,
                entries = entries.Take(ReviewPackService.MaxEntries).Select(e => new
                {
                    e.Id, e.Section, sectionTitle = ReviewSectionTitles.Of(e.Section), e.At, e.Text, e.Context, e.FromPrivateCheckin,
                }),
            }, ApiJson.Options);
        });
        me.MapPost("", async (HttpContext http, BuildRequest request, ReviewPackService packs, ReviewPackLinks links, TimeProvider timeProvider, CancellationToken ct) =>
        {
            if (Period(null, request.From, request.To, timeProvider) is not { } period)
                return ApiProblems.BadParameter("from", "from and to (YYYY-MM-DD), at most two years, not in the future.");
            var userId = Admin.TabCaller.IdOf(http)!;
            var built = await packs.BuildAsync(userId, period.From, period.To, [.. request.EntryIds ?? []], ct);
            return Results.Json(new { packId = built.Pack.Id, lines = built.Entries.Count, download = await links.CreateAsync(BaseUri(http), userId, built.Pack.Id, forManager: false, ct) }, ApiJson.Options);
        });
        me.MapPost("/{packId}/share", async (HttpContext http, string packId, ReviewPackSharing sharing, CancellationToken ct) =>
            await sharing.ShareAsync(Admin.TabCaller.IdOf(http)!, packId, BaseUri(http), ct) switch
            {
                null => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such review pack", detail: "Build the pack again, then share it."),
                { ManagerName: null } => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No manager",
                    detail: "The org directory lists no manager for you, so there is no one to share it with."),
                var shared => Results.Json(new { sharedWith = shared.ManagerName, privateLeftOut = shared.PrivateLeftOut }, ApiJson.Options),
            });
        return endpoints;
    }

    private static (DateOnly From, DateOnly To)? Period(int? months, string? from, string? to, TimeProvider timeProvider)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        return months is 6 or 12 ? ReviewPeriod.LastMonths(months.Value, today)
            : months is null ? ReviewPeriod.Range(from, to, today, out _)
            : null;
    }

    /// <summary>Links point where the bot is reachable: <c>Bot:PublicBaseUrl</c>, else the request's own address.</summary>
    private static Uri BaseUri(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Teams.BotOptions>>().Value.PublicBaseUrl
        ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
}
