using System.Text.Json;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Web.QuestionSets;

/// <summary>
/// The ready-made question sets (samples/question-sets, copied next to the app) added as version 1 when the store has
/// no set of that id: on first start, and for sets a new release brings. A set HR has edited or retired is left as it is.
/// A file that is not a valid set stops start-up naming it: it shipped broken.
/// </summary>
internal sealed partial class QuestionSetLibrary(QuestionSetService sets, ILogger<QuestionSetLibrary> logger) : IHostedService
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "question-sets");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
            return;
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var document = JsonSerializer.Deserialize<QuestionSetDocument>(await File.ReadAllTextAsync(file, cancellationToken), ApiJson.Options)
                ?? throw new InvalidOperationException($"{file} holds no question set.");
            if (QuestionSetValidation.Validate(document) is { Count: > 0 } errors)
                throw new InvalidOperationException($"{file} is not a valid question set: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
            // Version 1 is a conditional insert: a set that has one (edited or retired since) is left alone.
            if ((await sets.CreateAsync(document, cancellationToken)).Outcome == CheckinBot.Core.SaveOutcome.Saved)
                LogAdded(logger, document.Id!);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Question set {QuestionSetId} added from the library")]
    private static partial void LogAdded(ILogger logger, string questionSetId);
}
