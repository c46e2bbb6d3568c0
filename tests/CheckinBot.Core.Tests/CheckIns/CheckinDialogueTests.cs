using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.CheckIns;

/// <summary>The dialogue as a state machine: every command at every kind of step, stale and invalid input.</summary>
public sealed class CheckinDialogueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly LearningGoal Talk = new() { UserId = "u", Id = "g1", Title = "Give a talk", CreatedAt = Now };

    internal static CheckinDraft NewDraft(params LearningGoal[] goals) => new()
    {
        UserId = "u",
        CheckinId = "c1",
        QuestionSetId = QuestionSet.Default.Id,
        QuestionSetVersion = QuestionSet.Default.Version,
        Steps = CheckinSteps.Build(QuestionSet.Default, goals, "What did you avoid, and why?"),
        StartedAt = Now,
        UpdatedAt = Now,
    };

    private static (CheckinDraft Draft, DialogueReply Reply) Apply(CheckinDraft draft, DialogueInput input) =>
        CheckinDialogue.Apply(draft, input, Now.AddMinutes(1));

    private static CheckinDraft Run(CheckinDraft draft, params string[] typed)
    {
        foreach (var text in typed)
            draft = Apply(draft, new DialogueInput.Answer(text)).Draft;
        return draft;
    }

    [Fact]
    public void Build_ExpandsGoalQuestionPerActiveGoalAndFillsReflection()
    {
        var draft = NewDraft(Talk, Talk with { Id = "g2", Title = "Learn Rust" });

        Assert.Equal(["energy", "goals:g1", "goals:g2", "learned", "blockers", "reflection", "new-goal", "new-goal-title", "feedback"], draft.Steps.Select(s => s.Key));
        Assert.Contains("\"Learn Rust\"", draft.Steps[2].Prompt, StringComparison.Ordinal);
        Assert.Equal("What did you avoid, and why?", draft.Steps[5].Prompt);
    }

    [Fact]
    public void Answer_Valid_StoresNormalisedAnswerAndMovesOn()
    {
        var (draft, reply) = Apply(NewDraft(Talk), new DialogueInput.Answer(" 4 "));

        Assert.Equal(DialogueReplyKind.Ask, reply.Kind);
        Assert.Equal(new ScaleAnswer(4), draft.Answers["energy"]);
        Assert.Equal("goals:g1", draft.CurrentStep!.Key);
        Assert.Equal(Now.AddMinutes(1), draft.UpdatedAt);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("four")]
    [InlineData("")]
    public void Answer_InvalidScale_ExplainsAndKeepsEverything(string text)
    {
        var draft = NewDraft(Talk);
        var (after, reply) = Apply(draft, new DialogueInput.Answer(text));

        Assert.Equal(DialogueReplyKind.Invalid, reply.Kind);
        Assert.False(string.IsNullOrEmpty(reply.Message));
        Assert.Same(draft, after);
    }

    [Theory]
    [InlineData("60", 60, null)]
    [InlineData("60%", 60, null)]
    [InlineData("100 % done!", 100, "done!")]
    [InlineData("5 - read chapter 2", 5, "read chapter 2")]
    public void Answer_GoalProgress_AcceptsPercentAndNote(string text, int percent, string? note) =>
        Assert.Equal(new GoalProgressAnswer(percent, note), Run(NewDraft(Talk), "3", text).Answers["goals:g1"]);

    [Theory]
    [InlineData("70", "half the slides", null, 70, "half the slides")]
    [InlineData("", "", "m1", 0, null)]
    public void Progress_FromGoalCard_IsTypedWithMilestoneId(string percent, string note, string? milestone, int expectedPercent, string? expectedNote)
    {
        var draft = Run(NewDraft(Talk with { Milestones = [new GoalMilestone("m1", "Write abstract")] }), "3");
        var (after, reply) = Apply(draft, new DialogueInput.Progress(percent, note, milestone));

        Assert.Equal(DialogueReplyKind.Ask, reply.Kind);
        var answer = Assert.IsType<GoalProgressAnswer>(after.Answers["goals:g1"]);
        Assert.Equal((expectedPercent, expectedNote, milestone), (answer.Percent, answer.Note, answer.MilestoneId));
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-5")]
    [InlineData("lots")]
    public void Answer_GoalProgressOutOfRange_IsInvalid(string text)
    {
        var (_, reply) = Apply(Run(NewDraft(Talk), "3"), new DialogueInput.Answer(text));
        Assert.Equal(DialogueReplyKind.Invalid, reply.Kind);
    }

    [Fact]
    public void Answer_TooLong_IsInvalidAndSaysTheLimit()
    {
        var (_, reply) = Apply(Run(NewDraft(), "3"), new DialogueInput.Answer(new string('x', 1001)));

        Assert.Equal(DialogueReplyKind.Invalid, reply.Kind);
        Assert.Contains("1000", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_RemovesAnyAnswerAndMovesOn()
    {
        var draft = Run(NewDraft(), "3", "learned a lot");
        draft = Apply(Apply(draft, new DialogueInput.Back()).Draft, new DialogueInput.Skip()).Draft;

        Assert.False(draft.Answers.ContainsKey("learned"));
        Assert.Equal("blockers", draft.CurrentStep!.Key);
    }

    [Fact]
    public void Back_ReturnsToPreviousQuestionKeepingItsAnswer()
    {
        var (draft, reply) = Apply(Run(NewDraft(Talk), "3", "40"), new DialogueInput.Back());

        Assert.Equal(DialogueReplyKind.Ask, reply.Kind);
        Assert.Equal("goals:g1", draft.CurrentStep!.Key);
        Assert.Equal(new GoalProgressAnswer(40), draft.Answers["goals:g1"]);
    }

    [Fact]
    public void Back_OnFirstQuestion_SaysSoAndStays()
    {
        var (draft, reply) = Apply(NewDraft(), new DialogueInput.Back());

        Assert.Equal("energy", draft.CurrentStep!.Key);
        Assert.Equal("This is the first question.", reply.Message);
    }

    [Fact]
    public void NewGoalNo_PassesOverTheGoalTitleQuestion()
    {
        var draft = Run(NewDraft(), "3", "won", "none", "reflected", "no");
        Assert.Equal("feedback", draft.CurrentStep!.Key);

        var back = Apply(draft, new DialogueInput.Back()).Draft;
        Assert.Equal("new-goal", back.CurrentStep!.Key);
    }

    [Fact]
    public void NewGoalYes_AsksForTheTitle()
    {
        var draft = Run(NewDraft(), "3", "won", "none", "reflected", "yes");
        Assert.Equal("new-goal-title", draft.CurrentStep!.Key);
    }

    [Fact]
    public void ChangingYesToNo_DropsTheConditionalAnswerFromTheRecord()
    {
        var draft = Run(NewDraft(), "3", "won", "none", "reflected", "yes", "Speak at a meetup");
        draft = Apply(Apply(draft, new DialogueInput.Back()).Draft, new DialogueInput.Back()).Draft;
        draft = Run(draft, "no");

        Assert.DoesNotContain(draft.AnsweredSteps, a => a.Step.Key == "new-goal-title");
    }

    [Fact]
    public void LastAnswer_LeadsToRecap_ThenShareCompletes()
    {
        var (draft, reply) = Apply(Run(NewDraft(), "3", "won", "none", "reflected", "no"), new DialogueInput.Skip());
        Assert.Equal(DialogueReplyKind.Recap, reply.Kind);
        Assert.Equal(DraftStage.Recap, draft.Stage);

        var (_, done) = Apply(draft, new DialogueInput.Share(true) { StepKey = CheckinDialogue.RecapKey });
        Assert.Equal(DialogueReplyKind.Completed, done.Kind);
        Assert.True(done.SharedWithManager);
    }

    [Theory]
    [InlineData("share", true)]
    [InlineData("Private", false)]
    [InlineData("keep private", false)]
    public void Recap_TypedChoice_Completes(string text, bool shared)
    {
        var recap = Apply(Run(NewDraft(), "3", "won", "none", "reflected", "no"), new DialogueInput.Skip()).Draft;
        var (_, reply) = Apply(recap, new DialogueInput.Answer(text));

        Assert.Equal(DialogueReplyKind.Completed, reply.Kind);
        Assert.Equal(shared, reply.SharedWithManager);
    }

    [Fact]
    public void Recap_OtherText_AsksToChoose()
    {
        var recap = Apply(Run(NewDraft(), "3", "won", "none", "reflected", "no"), new DialogueInput.Skip()).Draft;
        Assert.Equal(DialogueReplyKind.Invalid, Apply(recap, new DialogueInput.Answer("maybe")).Reply.Kind);
    }

    [Fact]
    public void Recap_Back_ReturnsToLastQuestion()
    {
        var recap = Apply(Run(NewDraft(), "3", "won", "none", "reflected", "no"), new DialogueInput.Skip()).Draft;
        var (draft, _) = Apply(recap, new DialogueInput.Back { StepKey = CheckinDialogue.RecapKey });

        Assert.Equal(DraftStage.Answering, draft.Stage);
        Assert.Equal("feedback", draft.CurrentStep!.Key);
    }

    [Fact]
    public void CardFromAnotherQuestion_IsStaleAndChangesNothing()
    {
        var draft = Run(NewDraft(), "3");
        var (after, reply) = Apply(draft, new DialogueInput.Answer("5") { StepKey = "energy" });

        Assert.Equal(DialogueReplyKind.Stale, reply.Kind);
        Assert.Same(draft, after);
    }

    [Fact]
    public void OldQuestionCardAtRecap_IsStale()
    {
        var recap = Apply(Run(NewDraft(), "3", "won", "none", "reflected", "no"), new DialogueInput.Skip()).Draft;
        var (_, reply) = Apply(recap, new DialogueInput.Share(true) { StepKey = "energy" });
        Assert.Equal(DialogueReplyKind.Stale, reply.Kind);
    }

    [Fact]
    public void Cancel_PausesKeepingAnswers_ThenReopenContinuesWhereLeft()
    {
        var (paused, reply) = Apply(Run(NewDraft(Talk), "3", "50"), new DialogueInput.Cancel());
        Assert.Equal(DialogueReplyKind.Paused, reply.Kind);
        Assert.Equal(DraftStage.Paused, paused.Stage);

        Assert.Equal(DialogueReplyKind.Stale, Apply(paused, new DialogueInput.Answer("x")).Reply.Kind);

        var (resumed, again) = Apply(paused, new DialogueInput.Reopen());
        Assert.Equal(DialogueReplyKind.Ask, again.Kind);
        Assert.Equal("learned", resumed.CurrentStep!.Key);
        Assert.Equal(new GoalProgressAnswer(50), resumed.Answers["goals:g1"]);
    }

    [Fact]
    public void Reopen_AfterDaysAway_WelcomesBackAndSaysWhenItStarted()
    {
        var paused = Apply(Run(NewDraft(), "3"), new DialogueInput.Cancel()).Draft;

        var (_, soon) = CheckinDialogue.Apply(paused, new DialogueInput.Reopen(), Now.AddHours(2));
        var (_, later) = CheckinDialogue.Apply(paused, new DialogueInput.Reopen(), Now.AddDays(3));

        Assert.Null(soon.Message);
        Assert.Equal("Welcome back! You started this check-in on Monday 23 November; your answers so far are kept.", later.Message);
        Assert.Equal(DialogueReplyKind.Ask, later.Kind);
    }

    [Fact]
    public void Reopen_PausedAtRecap_ShowsRecapAgain()
    {
        var recap = Apply(Run(NewDraft(), "3", "won", "none", "reflected", "no"), new DialogueInput.Skip()).Draft;
        var paused = Apply(recap, new DialogueInput.Cancel()).Draft;

        Assert.Equal(DialogueReplyKind.Recap, Apply(paused, new DialogueInput.Reopen()).Reply.Kind);
    }

    [Fact]
    public void Reopen_WhileAnswering_ChangesNothing()
    {
        var draft = Run(NewDraft(), "3");
        var (after, reply) = Apply(draft, new DialogueInput.Reopen());

        Assert.Equal(DialogueReplyKind.Ask, reply.Kind);
        Assert.Same(draft, after);
    }

    [Fact]
    public void Remember_KeepsOnlyTheLastActivities()
    {
        var draft = NewDraft();
        for (var i = 0; i < 30; i++)
            draft = draft.Remember($"a{i}");

        Assert.Equal(CheckinDraft.RememberedActivities, draft.HandledActivityIds.Count);
        Assert.True(draft.HasHandled("a29"));
        Assert.False(draft.HasHandled("a5"));
    }
}
