using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CheckinBot.Web.Admin;

/// <summary>
/// A caller the tab knows (the local picker's person has no token, so ASP.NET Core would challenge) who lacks the role
/// is refused with 403, not 401: "not allowed", not "not signed in", so the page says which role is needed.
/// </summary>
internal sealed class NamedCallerResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        _default.HandleAsync(next, context, policy,
            authorizeResult.Challenged && TabCaller.IdOf(context) is not null ? PolicyAuthorizationResult.Forbid() : authorizeResult);
}
