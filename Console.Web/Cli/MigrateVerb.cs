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
        // A store from before sealing keeps plain addresses until this pass (or the console's start) seals them.
        var sealedRows = await cli.Services.GetRequiredService<Console.Domain.Customers.SealPersonalData>().RunAsync();
        if (sealedRows is not { Customers: 0, Recipients: 0, Kols: 0 })
            await cli.Out.WriteLineAsync(
                $"sealed the email and phone of {sealedRows.Customers} customer(s), {sealedRows.Recipients} email recipient(s) and {sealedRows.Kols} KOL(s).");
        return 0;
    }
}
