namespace CheckinBot.Web.Tab;

/// <summary>The Growth tab's views, by who is signed in.</summary>
internal static class TabView
{
    public const string Me = "me";
    public const string Team = "team";
    public const string Organisation = "organisation";
}
