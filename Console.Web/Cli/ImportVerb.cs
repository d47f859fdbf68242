namespace Console.Web.Cli;

internal static class ImportVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        await cli.Error.WriteLineAsync("import: not available yet.");
        return 1;
    }
}
