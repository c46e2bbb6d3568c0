using CheckinBot.Core.CheckIns;
using Moq;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.CheckIns;

internal static class QuestionSetStores
{
    /// <summary>A question-set store (a port, so mocked) that holds the given set, by default the built-in one.</summary>
    public static Mock<IQuestionSetStore> Holding(QuestionSet? set = null)
    {
        var store = new Mock<IQuestionSetStore>();
        store.Setup(s => s.FindLatestAsync(QuestionSet.DefaultId, It.IsAny<CancellationToken>())).ReturnsAsync(set ?? QuestionSet.Default);
        return store;
    }
}
