using CheckinBot.Core.Commands;

namespace CheckinBot.Core.Tests.Commands;

public sealed class ChatCommandParserTests
{
    [Theory]
    [InlineData("help", ChatCommandKind.Help)]
    [InlineData("  HELP  ", ChatCommandKind.Help)]
    [InlineData("Help!", ChatCommandKind.Help)]
    [InlineData("?", ChatCommandKind.Help)]
    [InlineData("check in", ChatCommandKind.CheckIn)]
    [InlineData("Check-in", ChatCommandKind.CheckIn)]
    [InlineData("checkin", ChatCommandKind.CheckIn)]
    [InlineData("goals", ChatCommandKind.Goals)]
    [InlineData("add goal", ChatCommandKind.AddGoal)]
    [InlineData("wins", ChatCommandKind.Wins)]
    [InlineData("feedback", ChatCommandKind.Feedback)]
    [InlineData("snooze", ChatCommandKind.Snooze)]
    [InlineData("skip", ChatCommandKind.Skip)]
    [InlineData("export   my data", ChatCommandKind.ExportMyData)]
    [InlineData("delete my data", ChatCommandKind.DeleteMyData)]
    [InlineData("team", ChatCommandKind.Team)]
    [InlineData("cadences", ChatCommandKind.Cadences)]
    [InlineData("stats", ChatCommandKind.Stats)]
    [InlineData("what's up", ChatCommandKind.Unknown)]
    [InlineData("", ChatCommandKind.Unknown)]
    [InlineData(null, ChatCommandKind.Unknown)]
    [InlineData("helpful", ChatCommandKind.Unknown)]
    [InlineData("teammates", ChatCommandKind.Unknown)]
    public void Parse_RecognisesCommands(string? text, ChatCommandKind expected) =>
        Assert.Equal(expected, ChatCommandParser.Parse(text).Kind);

    [Fact]
    public void Parse_AddGoalWithText_KeepsTheRestAsArgument()
    {
        var command = ChatCommandParser.Parse("Add goal   Learn Rust by June");
        Assert.Equal(ChatCommandKind.AddGoal, command.Kind);
        Assert.Equal("Learn Rust by June", command.Argument);
    }
}
