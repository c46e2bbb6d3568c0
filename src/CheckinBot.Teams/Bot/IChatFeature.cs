namespace CheckinBot.Teams.Bot;

/// <summary>A part of the bot (check-ins, goals, managers, …) that answers some chat commands and card verbs.</summary>
public interface IChatFeature
{
    /// <summary>Adds this feature's commands and verbs to the bot's one routing table.</summary>
    void MapRoutes(ChatRoutes routes);
}
