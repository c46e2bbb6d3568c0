using CheckinBot.Core.CheckIns;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.QuestionSets;

/// <summary>What HR may save as a question set, each problem named by the field and the question.</summary>
public sealed class QuestionSetValidationTests
{
    private static QuestionDocument Q(string id, string kind = "freeText", string? prompt = "A question?") => new() { Id = id, Kind = kind, Prompt = prompt };

    private static QuestionSetDocument Set(params QuestionDocument[] questions) => new() { Id = "monthly", Name = "Monthly reflection", Questions = questions };

    [Fact]
    public void TheDefaultSet_AsADocument_IsValid_AndComesBackTheSame()
    {
        var document = QuestionSetDocument.From(QuestionSet.Default);

        Assert.Empty(QuestionSetValidation.Validate(document));
        Assert.Equal(QuestionSet.Default.Questions, document.ToQuestionSet(1).Questions);
        Assert.Equal("reflection", document.Questions!.Single(q => q.Id == "reflection").Kind); // the rotating prompt, by its kind
    }

    [Theory]
    [InlineData("questions[1].id", "Two questions have the id \"a\"")]
    public void DuplicateIds_AreNamed(string field, string message)
    {
        var errors = QuestionSetValidation.Validate(Set(Q("a"), Q("a")));

        Assert.Contains(message, Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void AskIfYes_MustNameAnEarlierYesNoQuestion()
    {
        var errors = QuestionSetValidation.Validate(Set(
            Q("first") with { AskIfYes = "later" },
            Q("text"),
            Q("second") with { AskIfYes = "text" },
            Q("later", "yesNo"),
            Q("third") with { AskIfYes = "later" }));

        Assert.Contains("no earlier question has that id", errors["questions[0].askIfYes"][0], StringComparison.Ordinal);
        Assert.Contains("not a yes/no question", errors["questions[2].askIfYes"][0], StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("questions[4].askIfYes"));
    }

    [Fact]
    public void AChoice_NeedsTwoToEightDifferentOptions_AndEveryQuestionButAReflectionAPrompt()
    {
        var errors = QuestionSetValidation.Validate(Set(
            Q("one", "choice") with { Choices = ["Only"] },
            Q("nine", "choice") with { Choices = [.. Enumerable.Range(1, 9).Select(i => $"o{i}")] },
            Q("ok", "choice") with { Choices = ["Yes", "Maybe"] },
            Q("blank", "freeText", prompt: " "),
            Q("reflect", "reflection", prompt: null)));

        Assert.Equal(["questions[0].choices", "questions[1].choices", "questions[3].prompt"], errors.Keys.Order());
        Assert.StartsWith("Question \"blank\" needs a prompt", errors["questions[3].prompt"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanFifteenQuestions_AreRefused_AsACheckinStaysShort()
    {
        var errors = QuestionSetValidation.Validate(Set([.. Enumerable.Range(1, 16).Select(i => Q($"q{i}"))]));

        Assert.Contains("at most 15 questions", Assert.Single(errors["questions"]), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKinds_AndPurposes_AreNamed()
    {
        var errors = QuestionSetValidation.Validate(Set(Q("a", "essay"), Q("b") with { Purpose = "gossip" }));

        Assert.Equal(["questions[0].kind", "questions[1].purpose"], errors.Keys.Order());
    }

    [Fact]
    public void ScaleLabels_AreShownWithThePrompt()
    {
        var set = Set(Q("mood", "scale", "How was your month?") with { LowLabel = "rough", HighLabel = "great", Purpose = "energy" }).ToQuestionSet(1);

        var step = Assert.Single(CheckinSteps.Build(set, [], "unused"));

        Assert.Equal(("How was your month? (1 = rough, 5 = great)", QuestionPurpose.Energy), (step.Prompt, step.Purpose));
    }

    [Fact]
    public void EveryReadySet_InTheLibrary_IsValid()
    {
        var files = Directory.GetFiles(Path.Combine(CheckinBot.TestKit.RepoPaths.Root, "samples", "question-sets"), "*.json");

        Assert.Equal(7, files.Length); // monthly, quarterly, onboarding 1/30/60/90, pulse (the weekly default is built in)
        foreach (var file in files)
        {
            var document = System.Text.Json.JsonSerializer.Deserialize<QuestionSetDocument>(File.ReadAllText(file), System.Text.Json.JsonSerializerOptions.Web)!;
            Assert.True(QuestionSetValidation.Validate(document).Count == 0, file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), document.Id);
        }
    }
}
