using System.Text.Json;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Web.QuestionSets;

/// <summary>
/// The ready-made question sets (samples/question-sets, copied next to the app) added as version 1 when the store has
/// no set of that id: on first start, and for sets a new release brings. A set HR has edited or retired is left as it is.
/// A file that is not a valid set stops start-up naming it: it shipped broken. Storage that cannot be used yet (a fresh
/// deployment whose role assignments are not in effect) does not: the sets are stored in the background, tried again
/// every <see cref="RetryAfter"/>.
/// </summary>
internal sealed partial class QuestionSetLibrary(QuestionSetService sets, TimeProvider timeProvider, ILogger<QuestionSetLibrary> logger) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly Queue<QuestionSetDocument> _notStored = new();

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "question-sets");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var documents = _notStored;
        foreach (var file in Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            var document = JsonSerializer.Deserialize<QuestionSetDocument>(await File.ReadAllTextAsync(file, cancellationToken), ApiJson.Options)
                ?? throw new InvalidOperationException($"{file} holds no question set.");
            if (QuestionSetValidation.Validate(document) is { Count: > 0 } errors)
                throw new InvalidOperationException($"{file} is not a valid question set: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
            documents.Enqueue(document);
        }
        await TryStoreAsync(documents, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>What the first attempt could not store, tried again until it is.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (_notStored.Count > 0)
        {
            await Task.Delay(RetryAfter, timeProvider, stoppingToken);
            await TryStoreAsync(_notStored, stoppingToken);
        }
    }

    /// <summary>Stores the sets in turn, taking each off the queue once stored; stops at the first one storage refuses.</summary>
    private async Task TryStoreAsync(Queue<QuestionSetDocument> documents, CancellationToken cancellationToken)
    {
        while (documents.TryPeek(out var document))
        {
            try
            {
                // Version 1 is a conditional insert: a set that has one (edited or retired since) is left alone.
                if ((await sets.CreateAsync(document, cancellationToken)).Outcome == CheckinBot.Core.SaveOutcome.Saved)
                    LogAdded(logger, document.Id!);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotYet(logger, document.Id!, ex.GetType().Name);
                return;
            }
            documents.Dequeue();
        }
    }

    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Question set {QuestionSetId} added from the library")]
    private static partial void LogAdded(ILogger logger, string questionSetId);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Warning, Message = "Question set {QuestionSetId} from the library could not be stored yet ({Error}); trying again")]
    private static partial void LogNotYet(ILogger logger, string questionSetId, string error);
}
