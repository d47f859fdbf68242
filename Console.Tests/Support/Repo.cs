namespace Console.Tests.Support;

public static class Repo
{
    /// <summary>The checkout's root, found by walking up from the test binaries to the solution file.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CampaignConsole.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find CampaignConsole.slnx above " + AppContext.BaseDirectory);
    }
}
