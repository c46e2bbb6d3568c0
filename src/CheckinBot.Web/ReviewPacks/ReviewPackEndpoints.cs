using CheckinBot.Core.ReviewPacks;

namespace CheckinBot.Web.ReviewPacks;

/// <summary>The download behind a review pack's link (<see cref="ReviewPackLinks"/>): the Word document of that copy.</summary>
internal static class ReviewPackEndpoints
{
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
        return endpoints;
    }
}
