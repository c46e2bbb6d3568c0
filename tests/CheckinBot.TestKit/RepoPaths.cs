namespace CheckinBot.TestKit;

/// <summary>Finds the repository (where node_modules and the solution live) from a test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string tool) => Path.Combine(Root, "node_modules", ".bin", tool);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CheckinBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("CheckinBot.sln not found above " + AppContext.BaseDirectory);
    }
}
