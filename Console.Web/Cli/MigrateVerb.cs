using Console.Domain.Data;

namespace Console.Web.Cli;

internal static class MigrateVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        var db = cli.Services.GetRequiredService<Db>();
        var applied = cli.Services.GetRequiredService<Migrator>().Migrate(message => cli.Error.WriteLine(message));
        var where = db.IsSqlite ? db.SqlitePath : "SQL Server";
        await cli.Out.WriteLineAsync(applied.Count == 0
            ? $"{where}: already up to date."
            : $"{where}: applied {applied.Count} script(s): {string.Join(", ", applied)}");
        return 0;
    }
}
