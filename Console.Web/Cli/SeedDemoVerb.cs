namespace Console.Web.Cli;

internal static class SeedDemoVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        await cli.Error.WriteLineAsync("seed-demo: not available yet.");
        return 1;
    }
}
