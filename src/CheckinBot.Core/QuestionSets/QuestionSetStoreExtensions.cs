namespace CheckinBot.Core.QuestionSets;

public static class QuestionSetStoreExtensions
{
    /// <summary>
    /// The latest version of a set; for the default set the built-in copy when the store has none (it is seeded at
    /// start-up, so that only covers a store just emptied, or a test host without start-up work).
    /// </summary>
    public static async Task<QuestionSet?> FindLatestOrBuiltInAsync(this IQuestionSetStore store, string questionSetId, CancellationToken cancellationToken) =>
        await store.FindLatestAsync(questionSetId, cancellationToken) ?? (questionSetId == QuestionSet.DefaultId ? QuestionSet.Default : null);
}
