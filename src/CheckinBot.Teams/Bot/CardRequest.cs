namespace CheckinBot.Teams.Bot;

/// <summary>A card button clicked by a signed-in person (<see cref="UserId"/> is their Entra object id).</summary>
public sealed record CardRequest(TurnContext Turn, string UserId, CardActionPayload Action)
{
    public string? Get(string name) => Action.GetString(name);

    /// <summary>
    /// An id the card carried (goal, person, request, check-in): letters, digits and dashes only, or empty. Card data
    /// comes back from the client, so it is untrusted like the rest of the activity and may become a storage key.
    /// </summary>
    public string Id(string name) =>
        Get(name) is { Length: > 0 and <= 64 } value && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? value : "";
}
