using System.Text.Json;
using CheckinBot.Core;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Web.Admin;

namespace CheckinBot.Web.QuestionSets;

/// <summary>
/// <c>GET|POST /api/admin/question-sets</c>, <c>GET|PUT|DELETE /api/admin/question-sets/{id}</c>: HR's question sets,
/// with the cadences' auth and problem details. A save is a new version; DELETE retires (refused, naming the cadences,
/// while any names the set).
/// </summary>
internal static class QuestionSetEndpoints
{
    public static IEndpointRouteBuilder MapQuestionSetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var sets = endpoints.MapGroup("/api/admin/question-sets").RequireAuthorization(AdminAuthentication.Policy).DisableAntiforgery();
        sets.MapGet("/", async (QuestionSetService service, CancellationToken ct) =>
            Results.Json((await service.ListAsync(ct)).Select(QuestionSetDocument.From), ApiJson.Options));
        sets.MapGet("/{id}", async (string id, QuestionSetService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } set ? Results.Json(QuestionSetDocument.From(set), ApiJson.Options) : NotFound(id));
        sets.MapPost("/", async (HttpRequest request, QuestionSetService service, CancellationToken ct) =>
        {
            var (document, problem) = await ReadAsync(request, routeId: null, ct);
            return problem ?? Answer(await service.CreateAsync(document!, ct), document!.Id ?? "", StatusCodes.Status201Created);
        });
        sets.MapPut("/{id}", async (string id, HttpRequest request, QuestionSetService service, CancellationToken ct) =>
        {
            var (document, problem) = await ReadAsync(request, id, ct);
            return problem ?? Answer(await service.SaveAsync(id, document!, ct), id, StatusCodes.Status200OK);
        });
        sets.MapDelete("/{id}", async (string id, QuestionSetService service, CancellationToken ct) =>
        {
            if (await service.FindAsync(id, ct) is null)
                return NotFound(id);
            var (retired, usedBy) = await service.RetireAsync(id, ct);
            return retired is not null
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Question set in use",
                    detail: $"'{id}' is asked by {string.Join(", ", usedBy)}; give those cadences another set first.",
                    extensions: new Dictionary<string, object?> { ["cadences"] = usedBy });
        });
        return endpoints;
    }

    private static async Task<(QuestionSetDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, string? routeId, CancellationToken cancellationToken)
    {
        QuestionSetDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<QuestionSetDocument>(request.Body, ApiJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Invalid(new Dictionary<string, string[]> { [field] = ["This value has the wrong type or format."] }));
        }
        if (document is null)
            return (null, Invalid(new Dictionary<string, string[]> { ["body"] = ["Send a question set as JSON."] }));
        if (routeId is not null)
            document = document with { Id = string.IsNullOrWhiteSpace(document.Id) ? routeId : document.Id };
        if (routeId is not null && !string.Equals(document.Id?.Trim(), routeId, StringComparison.Ordinal))
            return (null, Invalid(new Dictionary<string, string[]> { ["id"] = [$"The body's id must be '{routeId}', as in the URL."] }));
        return (document, null);
    }

    private static IResult Answer(SaveResult<QuestionSet> result, string id, int savedStatus) => result.Outcome switch
    {
        SaveOutcome.Saved => Results.Json(QuestionSetDocument.From(result.Saved!), ApiJson.Options, statusCode: savedStatus),
        SaveOutcome.Invalid => Invalid(result.Errors.ToDictionary()),
        SaveOutcome.Gone => NotFound(id),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Question set exists",
            detail: $"A question set '{id}' exists already; PUT /api/admin/question-sets/{id} saves a new version of it."),
    };

    private static IResult Invalid(IDictionary<string, string[]> errors) => Results.ValidationProblem(errors, title: "Not a valid question set");

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such question set", detail: $"There is no question set '{id}'.");
}
