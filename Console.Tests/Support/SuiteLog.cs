namespace Console.Tests.Support;

/// <summary>
/// Every log line of every console the suite starts, in process or as a child, appended to the file named by
/// CC_SUITE_LOG when it is set (scripts/test.sh sets it), so that one scan after the run reads what the whole suite logged.
/// </summary>
public static class SuiteLog
{
    public const string PathVariable = "CC_SUITE_LOG";
    private static readonly Lock Gate = new();
    private static readonly StreamWriter? File = Open();

    public static void Write(string source, string line)
    {
        if (File is null) return;
        lock (Gate) File.WriteLine(source + " | " + line);
    }

    private static StreamWriter? Open() => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
        ? new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true }
        : null;
}
