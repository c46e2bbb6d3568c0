namespace CheckinBot.Core.Org;

/// <summary>One change from the org source: the person as they are now, or <see cref="Removed"/> (deleted from the directory).</summary>
public sealed record PersonChange(string Id, Person? Current)
{
    public bool Removed => Current is null;
}
