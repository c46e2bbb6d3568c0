using CheckinBot.Core.Commands;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Welcome;

/// <summary><c>help</c> and the welcome card's "Show what I can do".</summary>
public sealed class HelpFeature : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Help, (r, ct) => r.Turn.SendCardAsync(WelcomeCards.Help(), ct))
        .Verb(WelcomeCards.HelpVerb, (r, ct) => r.Turn.SendCardAsync(WelcomeCards.Help(), ct));
}
