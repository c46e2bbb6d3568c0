namespace CheckinBot.Web.Admin;

/// <summary>
/// Who is asking, for the Growth tab's API: the <c>oid</c> of a user token issued for the tab's scope (an app token
/// names no person), or in local mode on loopback the person the page's picker chose.
/// </summary>
internal static class TabCaller
{
    public const string LocalUserHeader = "X-CheckinBot-Local-User";

    public static string? IdOf(HttpContext http)
    {
        var scopes = http.User.FindFirst("scp")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (scopes.Contains(AdminAuthentication.UserScope, StringComparer.Ordinal) && http.User.FindFirst("oid")?.Value is { Length: > 0 } oid)
            return oid;
        return AdminAuthentication.IsLocalLoopback(http) && http.Request.Headers[LocalUserHeader].ToString() is { Length: > 0 } local ? local.Trim() : null;
    }
}
