using System.Net;
using CheckinBot.Teams;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Admin;

/// <summary>
/// The admin API's gate: an Entra bearer token for this app (issuer of the bot's tenant, audience the app id or
/// <c>api://{app id}</c>, signature, lifetime) carrying the app role <c>CheckinBot.Admin</c>. In local mode (no app
/// id) requests from loopback are let in without a token, as README.md says; nothing else is.
/// </summary>
internal static class AdminAuthentication
{
    public const string Scheme = "AdminBearer";
    public const string Policy = "CheckinBot.Admin";
    public const string Role = "CheckinBot.Admin";

    public static IHostApplicationBuilder AddCheckinAdminAuthentication(this IHostApplicationBuilder builder)
    {
        // Only the admin policy authenticates with this scheme. As the only scheme it would otherwise become the default
        // (https://learn.microsoft.com/dotnet/core/compatibility/aspnet-core/7.0/default-authentication-scheme), and
        // every Teams turn would first be validated, and fail, as an admin token before the bot's own check.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<BotOptions>>((jwt, bot) =>
        {
            var options = bot.Value;
            var authority = new Uri($"{options.Authority.TrimEnd('/')}/{options.TenantId}/v2.0");
            jwt.Authority = authority.ToString();
            jwt.MapInboundClaims = false;
            // Loopback metadata (tests) may be plain HTTP; anything else must be HTTPS.
            jwt.RequireHttpsMetadata = !authority.IsLoopback;
            jwt.TokenValidationParameters.ValidAudiences = [options.AppId, $"api://{options.AppId}"];
            jwt.TokenValidationParameters.ValidIssuers = [authority.ToString().TrimEnd('/'), $"https://sts.windows.net/{options.TenantId}/"];
            jwt.TokenValidationParameters.RoleClaimType = "roles";
            jwt.TokenValidationParameters.NameClaimType = "oid";
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAssertion(context => context.User.IsInRole(Role) || IsLocalLoopback(context)));
        return builder;
    }

    private static bool IsLocalLoopback(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http)
            return false;
        var local = http.RequestServices.GetRequiredService<IOptions<BotOptions>>().Value.IsLocalMode;
        // The in-process test server has no remote address at all; Kestrel always has one.
        return local && (http.Connection.RemoteIpAddress is null || IPAddress.IsLoopback(http.Connection.RemoteIpAddress));
    }
}
