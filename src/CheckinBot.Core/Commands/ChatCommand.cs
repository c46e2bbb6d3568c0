namespace CheckinBot.Core.Commands;

/// <summary>The chat commands (README.md). <see cref="Argument"/> carries the rest of the text ("add goal learn Rust").</summary>
public sealed record ChatCommand(ChatCommandKind Kind, string Argument = "");

public enum ChatCommandKind
{
    Unknown,
    Help,
    CheckIn,
    Goals,
    AddGoal,
    Wins,
    Feedback,
    Snooze,
    Skip,
    ExportMyData,
    DeleteMyData,
    Team,
    Cadences,
    QuestionSets,
    Stats,
    Away,
    Back,
    ReviewPack,
    FullCheckins,
}
