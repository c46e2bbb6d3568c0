using CheckinBot.Core.Commands;

namespace CheckinBot.Teams.Bot;

/// <summary>A typed command from a signed-in person (<see cref="UserId"/> is their Entra object id).</summary>
public sealed record ChatRequest(TurnContext Turn, string UserId, ChatCommand Command);
