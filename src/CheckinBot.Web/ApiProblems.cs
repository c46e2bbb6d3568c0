namespace CheckinBot.Web;

/// <summary>Problem details the admin API answers with, alike for every endpoint.</summary>
internal static class ApiProblems
{
    /// <summary>400 naming the query parameter that is wrong (<c>parameter</c>) and what is wrong with it.</summary>
    public static IResult BadParameter(string parameter, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Bad parameter: {parameter}", detail: detail,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
