using System.Net;
using CheckinBot.Core.Cadences;
using CheckinBot.Teams;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Admin;

/// <summary>
/// Entra bearer tokens for this app (issuer of the bot's tenant; audience the sign-in app's id — <c>Bot:SsoAppId</c>,
/// else <c>Bot:AppId</c> — as itself, <c>api://{id}</c> or the Growth tab's <c>api://{public host}/{id}</c>; signature,
/// lifetime), and the two policies on them:
/// <list type="bullet">
/// <item>the admin API: an app token with the app role <c>CheckinBot.Admin</c>, or a user token (Teams SSO, scope
/// <c>access_as_user</c>) of an HR admin (<see cref="HrAdmins"/>, by the token's <c>oid</c>);</item>
/// <item>the Growth tab's API: any user token with that scope (<see cref="TabCaller"/> names the person).</item>
/// </list>
/// In local mode (no app id) requests from loopback are let in without a token, as README.md says, acting as the
/// person named by <see cref="TabCaller.LocalUserHeader"/> when there is one (the tab's picker); nothing else is.
/// </summary>
internal static class AdminAuthentication
{
    public const string Scheme = "EntraBearer";
    public const string Policy = "CheckinBot.Admin";
    public const string TabPolicy = "CheckinBot.TabUser";
    public const string Role = "CheckinBot.Admin";

    /// <summary>The delegated scope the Growth tab's token is issued for (manifest webApplicationInfo, docs/deploy.md).</summary>
    public const string UserScope = "access_as_user";

    public static IHostApplicationBuilder AddCheckinAdminAuthentication(this IHostApplicationBuilder builder)
    {
        // Only these policies authenticate with this scheme. As the only scheme it would otherwise become the default
        // (https://learn.microsoft.com/dotnet/core/compatibility/aspnet-core/7.0/default-authentication-scheme), and
        // every Teams turn would first be validated, and fail, as an admin token before the bot's own check.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, NamedCallerResultHandler>();
        builder.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<BotOptions>>((jwt, bot) =>
        {
            var options = bot.Value;
            var authority = new Uri($"{options.Authority.TrimEnd('/')}/{options.TenantId}/v2.0");
            jwt.Authority = authority.ToString();
            jwt.MapInboundClaims = false;
            // Loopback metadata (tests) may be plain HTTP; anything else must be HTTPS.
            jwt.RequireHttpsMetadata = !authority.IsLoopback;
            // v2 tokens carry the app id; v1 tokens the application ID URI the token was asked for.
            var api = options.ApiAppId;
            jwt.TokenValidationParameters.ValidAudiences = options.PublicBaseUrl is { } publicUrl
                ? [api, $"api://{api}", $"api://{publicUrl.Authority}/{api}"]
                : [api, $"api://{api}"];
            jwt.TokenValidationParameters.ValidIssuers = [authority.ToString().TrimEnd('/'), $"https://sts.windows.net/{options.TenantId}/"];
            jwt.TokenValidationParameters.RoleClaimType = "roles";
            jwt.TokenValidationParameters.NameClaimType = "oid";
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy
                .AddAuthenticationSchemes(Scheme)
                .RequireAssertion(IsAdminAsync))
            .AddPolicy(TabPolicy, policy => policy
                .AddAuthenticationSchemes(Scheme)
                .RequireAssertion(context => context.Resource is HttpContext http && TabCaller.IdOf(http) is not null));
        return builder;
    }

    private static async Task<bool> IsAdminAsync(AuthorizationHandlerContext context)
    {
        if (context.User.IsInRole(Role))
            return true;
        if (context.Resource is not HttpContext http)
            return false;
        // A loopback call in local mode with no one named is the developer's own (curl, the sample scripts).
        if (IsLocalLoopback(http) && !http.Request.Headers.ContainsKey(TabCaller.LocalUserHeader))
            return true;
        return TabCaller.IdOf(http) is { } userId && await http.RequestServices.GetRequiredService<HrAdmins>().IsAdminAsync(userId, http.RequestAborted);
    }

    public static bool IsLocalLoopback(HttpContext http)
    {
        var local = http.RequestServices.GetRequiredService<IOptions<BotOptions>>().Value.IsLocalMode;
        // The in-process test server has no remote address at all; Kestrel always has one.
        return local && (http.Connection.RemoteIpAddress is null || IPAddress.IsLoopback(http.Connection.RemoteIpAddress));
    }
}
