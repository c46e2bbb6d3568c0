using CheckinBot.Core.Commands;

namespace CheckinBot.Teams.Bot;

/// <summary>
/// The one table from chat command and card verb to handler. Each <see cref="IChatFeature"/> adds its own lines;
/// a command or verb mapped twice is a start-up error rather than a silent override.
/// </summary>
public sealed class ChatRoutes
{
    private readonly Dictionary<ChatCommandKind, Func<ChatRequest, CancellationToken, Task>> _commands = [];
    private readonly Dictionary<string, Func<CardRequest, CancellationToken, Task>> _verbs = new(StringComparer.Ordinal);

    public static ChatRoutes From(IEnumerable<IChatFeature> features)
    {
        var routes = new ChatRoutes();
        foreach (var feature in features)
            feature.MapRoutes(routes);
        return routes;
    }

    public ChatRoutes Command(ChatCommandKind kind, Func<ChatRequest, CancellationToken, Task> handler)
    {
        if (!_commands.TryAdd(kind, handler))
            throw new InvalidOperationException($"The command {kind} is mapped twice.");
        return this;
    }

    public ChatRoutes Verb(string verb, Func<CardRequest, CancellationToken, Task> handler)
    {
        if (!_verbs.TryAdd(verb, handler))
            throw new InvalidOperationException($"The card verb '{verb}' is mapped twice.");
        return this;
    }

    public Func<ChatRequest, CancellationToken, Task>? FindCommand(ChatCommandKind kind) => _commands.GetValueOrDefault(kind);

    public Func<CardRequest, CancellationToken, Task>? FindVerb(string verb) => _verbs.GetValueOrDefault(verb);
}
