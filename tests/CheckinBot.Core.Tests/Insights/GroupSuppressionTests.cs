using CheckinBot.Core.Insights;

namespace CheckinBot.Core.Tests.Insights;

public sealed class GroupSuppressionTests
{
    [Fact]
    public void ADepartmentOfThree_BesideTwoOfEight_IsNotRevealedByTheTotal()
    {
        var suppressed = GroupSuppression.Suppressed(19, new Dictionary<string, int> { ["Legal"] = 3, ["Sales"] = 8, ["Engineering"] = 8 }, 5);

        // Total minus the shown departments must be at least five people: one of the eights goes too.
        Assert.Equal(["Engineering", "Legal"], suppressed.Order());
    }

    [Fact]
    public void TheRemainderOfAManagersTree_CountsAsHidden()
    {
        // Megan's tree: two teams of six and her two direct reports without reports (the remainder).
        var suppressed = GroupSuppression.Suppressed(14, new Dictionary<string, int> { ["a"] = 6, ["b"] = 6 }, 5);

        Assert.Single(suppressed);
    }

    [Fact]
    public void GroupsAtTheThreshold_AndNothingHidden_AreAllShown() =>
        Assert.Empty(GroupSuppression.Suppressed(10, new Dictionary<string, int> { ["a"] = 5, ["b"] = 5 }, 5));

    [Fact]
    public void ASmallGroup_WhoseHiddenShareIsLargeEnough_TakesNoOtherWithIt() =>
        Assert.Equal(["a", "b"], GroupSuppression.Suppressed(30, new Dictionary<string, int> { ["a"] = 3, ["b"] = 4, ["c"] = 23 }, 5).Order());

    [Fact]
    public void UnderASuppressedParent_EveryChildIsSuppressed() =>
        Assert.Equal(2, GroupSuppression.Suppressed(4, new Dictionary<string, int> { ["a"] = 2, ["b"] = 2 }, 5).Count);
}
