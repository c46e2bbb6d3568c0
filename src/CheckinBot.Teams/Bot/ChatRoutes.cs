using CheckinBot.Core.Commands;

namespace CheckinBot.Teams.Bot;

/// <summary>
/// The one table from chat command and card verb to handler, and the one place that says which are for HR admins
/// only (<see cref="HrCommand"/>, <see cref="HrVerb"/>: the bot checks before the handler runs). Each
/// <see cref="IChatFeature"/> adds its own lines; a command or verb mapped twice is a start-up error rather than a
/// silent override.
/// </summary>
public sealed class ChatRoutes
{
    private readonly Dictionary<ChatCommandKind, ChatRoute<ChatRequest>> _commands = [];
    private readonly Dictionary<string, ChatRoute<CardRequest>> _verbs = new(StringComparer.Ordinal);

    public static ChatRoutes From(IEnumerable<IChatFeature> features)
    {
        var routes = new ChatRoutes();
        foreach (var feature in features)
            feature.MapRoutes(routes);
        return routes;
    }

    public ChatRoutes Command(ChatCommandKind kind, Func<ChatRequest, CancellationToken, Task> handler) => AddCommand(kind, new(handler, HrOnly: false));

    /// <summary>A command only HR admins may use; anyone else is told so and the handler does not run.</summary>
    public ChatRoutes HrCommand(ChatCommandKind kind, Func<ChatRequest, CancellationToken, Task> handler) => AddCommand(kind, new(handler, HrOnly: true));

    public ChatRoutes Verb(string verb, Func<CardRequest, CancellationToken, Task> handler) => AddVerb(verb, new(handler, HrOnly: false));

    /// <summary>A card verb only HR admins may use (a card forwarded to someone else still cannot act).</summary>
    public ChatRoutes HrVerb(string verb, Func<CardRequest, CancellationToken, Task> handler) => AddVerb(verb, new(handler, HrOnly: true));

    public ChatRoute<ChatRequest>? FindCommand(ChatCommandKind kind) => _commands.GetValueOrDefault(kind);

    public ChatRoute<CardRequest>? FindVerb(string verb) => _verbs.GetValueOrDefault(verb);

    private ChatRoutes AddCommand(ChatCommandKind kind, ChatRoute<ChatRequest> route)
    {
        if (!_commands.TryAdd(kind, route))
            throw new InvalidOperationException($"The command {kind} is mapped twice.");
        return this;
    }

    private ChatRoutes AddVerb(string verb, ChatRoute<CardRequest> route)
    {
        if (!_verbs.TryAdd(verb, route))
            throw new InvalidOperationException($"The card verb '{verb}' is mapped twice.");
        return this;
    }
}
