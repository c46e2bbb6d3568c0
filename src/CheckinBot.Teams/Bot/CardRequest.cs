namespace CheckinBot.Teams.Bot;

/// <summary>A card button clicked by a signed-in person (<see cref="UserId"/> is their Entra object id).</summary>
public sealed record CardRequest(TurnContext Turn, string UserId, CardActionPayload Action)
{
    public string? Get(string name) => Action.GetString(name);
}
