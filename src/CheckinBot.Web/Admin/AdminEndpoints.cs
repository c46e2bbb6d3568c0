using System.Text.Json;
using System.Text.Json.Serialization;
using CheckinBot.Core;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Cadences.Preview;
using CheckinBot.Core.Runs;

namespace CheckinBot.Web.Admin;

/// <summary>
/// <c>/api/admin/cadences</c>: HR and automation manage cadences (README.md). Validation failures are 400 problem
/// details naming each field; unknown ids are 404; a second cadence with an existing id is 409.
/// </summary>
internal static class AdminEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<CadenceFrequency>(JsonNamingPolicy.CamelCase), new JsonStringEnumConverter<DayOfWeek>() },
    };

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin").RequireAuthorization(AdminAuthentication.Policy).DisableAntiforgery();
        admin.MapGet("/cadences", async (CadenceService cadences, CancellationToken ct) => Results.Json((await cadences.ListAsync(ct)).Select(c => c.Cadence), Json));
        admin.MapGet("/cadences/{id}", async (string id, CadenceService cadences, CancellationToken ct) =>
            await cadences.FindAsync(id, ct) is { } cadence ? Results.Json(cadence, Json) : NotFound(id));
        admin.MapPost("/cadences", async (HttpRequest request, CadenceService cadences, CancellationToken ct) =>
        {
            var (cadence, problem) = await ReadAsync(request, routeId: null, ct);
            return problem ?? Answer(await cadences.CreateAsync(cadence!, ct), cadence!.Id, StatusCodes.Status201Created);
        });
        admin.MapPut("/cadences/{id}", async (string id, HttpRequest request, CadenceService cadences, CancellationToken ct) =>
        {
            var (cadence, problem) = await ReadAsync(request, id, ct);
            return problem ?? Answer(await cadences.UpdateAsync(id, cadence!, ct), id, StatusCodes.Status200OK);
        });
        admin.MapGet("/cadences/{id}/preview", PreviewAsync);
        admin.MapPost("/cadences/{id}/run", async (string id, bool? force, RunService runs, CancellationToken ct) =>
            RunNow(id, await runs.StartAsync(id, runId: null, force ?? false, ct)));
        admin.MapGet("/runs/{runId}", async (string runId, RunService runs, CancellationToken ct) =>
            await runs.ProgressAsync(runId, ct) is { } progress
                ? Results.Json(progress, Json)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such run", detail: $"There is no run '{runId}'."));
        admin.MapGet("/runs/{runId}/dead-letters", async (string runId, RunService runs, CancellationToken ct) =>
            await runs.DeadLettersAsync(runId, ct) is { } letters
                ? Results.Json(letters.Select(r => new { r.UserId, r.Reason, r.Attempts, failedAt = r.DoneAt }), Json)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such run", detail: $"There is no run '{runId}'."));
        admin.MapDelete("/cadences/{id}", async (string id, CadenceService cadences, CancellationToken ct) =>
            await cadences.DeleteAsync(id, ct) ? Results.NoContent() : NotFound(id));
        return endpoints;
    }

    private static async Task<IResult> PreviewAsync(string id, HttpRequest request, CadenceService cadences, CadencePreviewService preview, TimeProvider timeProvider, CancellationToken ct)
    {
        if (await cadences.FindAsync(id, ct) is not { } cadence)
            return NotFound(id);
        var query = request.Query;
        var (asked, parameter, error) = PreviewRequest.Parse(query["from"], query["to"], query["page"], query["pageSize"],
            DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime), PreviewRequest.MaxDaysFor(cadence));
        if (asked is null)
            return ApiProblems.BadParameter(parameter!, error!);
        return await preview.PreviewAsync(id, asked, ct) is { } answer ? Results.Json(answer, ApiJson.Options) : NotFound(id);
    }

    private static async Task<(Cadence? Cadence, IResult? Problem)> ReadAsync(HttpRequest request, string? routeId, CancellationToken cancellationToken)
    {
        Cadence? cadence;
        try
        {
            cadence = await JsonSerializer.DeserializeAsync<Cadence>(request.Body, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [Readable(ex)] }, title: "Not a valid cadence"));
        }
        if (cadence is null)
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send a cadence as JSON."] }, title: "Not a valid cadence"));
        if (routeId is not null && !string.Equals(cadence.Id, routeId, StringComparison.Ordinal))
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"The body's id must be '{routeId}', as in the URL."] }, title: "Not a valid cadence"));
        return (cadence, null);
    }

    private static IResult Answer(SaveResult<Cadence> result, string id, int savedStatus) => result.Outcome switch
    {
        SaveOutcome.Saved => Results.Json(result.Saved, Json, statusCode: savedStatus),
        SaveOutcome.Invalid => Results.ValidationProblem(result.Errors.ToDictionary(), title: "Not a valid cadence"),
        SaveOutcome.Gone => NotFound(id),
        SaveOutcome.Exists => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cadence exists",
            detail: $"A cadence '{id}' exists already; PUT /api/admin/cadences/{id} changes it."),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
            detail: "Someone changed this cadence at the same moment; read it again and retry."),
    };

    private static string Readable(JsonException ex) =>
        ex.Message.Contains("missing required properties", StringComparison.Ordinal) ? "id and name are required." : "This value has the wrong type or format.";

    /// <summary>The same rules as the chat's "run now": 202 when started; 409 when paused, running, or recently run (then <c>?force=true</c> confirms).</summary>
    private static IResult RunNow(string id, RunNowAnswer answer) => answer.Outcome switch
    {
        RunNowOutcome.Started => Results.Json(new { runId = answer.RunId, audience = answer.Audience }, Json, statusCode: StatusCodes.Status202Accepted),
        RunNowOutcome.Paused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cadence paused",
            detail: $"'{answer.Cadence!.Name}' is paused; resume it (PUT with \"active\": true) before running it."),
        RunNowOutcome.Journey => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Journey",
            detail: $"'{answer.Cadence!.Name}' is a journey: each person is asked on their own steps' days from their hire date, so it cannot run for everyone now. "
                + $"GET /api/admin/cadences/{id}/preview shows who is asked when."),
        RunNowOutcome.Running => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Run in progress",
            detail: $"Run {answer.RunId} of '{answer.Cadence!.Name}' is still in progress ({answer.Progress?.Pending ?? answer.Audience} to go); "
                + $"see GET /api/admin/runs/{answer.RunId}. A second run would ask people twice.",
            extensions: new Dictionary<string, object?> { ["runId"] = answer.RunId }),
        RunNowOutcome.NeedsConfirmation => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Ran recently",
            detail: $"'{answer.Cadence!.Name}' went out at {answer.Progress!.StartedAt:u} to {answer.Progress.Total} people. "
                + $"To send it to {answer.Audience} people again, POST /api/admin/cadences/{id}/run?force=true."),
        _ => NotFound(id),
    };

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such cadence", detail: $"There is no cadence '{id}'.");
}
