using System.Diagnostics;
using Console.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Console.Web.Cli;

/// <summary>
/// backup FILE: an online copy of the SQLite store through SQLite's backup API, taken while the console runs.
/// The copy is one consistent snapshot (a single read transaction, which in WAL mode never blocks the console's
/// writers); it is written beside FILE, checked with integrity_check, and only then given FILE's name, so a backup
/// that fails or is killed never leaves a half copy under that name. On SQL Server the database's own backups apply.
/// </summary>
internal static class BackupVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        var options = cli.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider != Dialect.Sqlite)
        {
            await cli.Error.WriteLineAsync("error: backup copies the SQLite store only. This console's store is SQL Server: use SQL Server's own " +
                "backups (BACKUP DATABASE with full and log backups, or the managed service's automated backups); see docs/operations.md.");
            return 1;
        }
        if (cli.Args.Positional.Count != 1)
        {
            await cli.Error.WriteLineAsync("usage: backup FILE   (an online copy of the SQLite store, taken while the console runs)");
            return 2;
        }
        var source = Path.GetFullPath(options.Path);
        var target = Path.GetFullPath(cli.Args.Positional[0]);
        if (!File.Exists(source))
        {
            await cli.Error.WriteLineAsync($"error: there is no store at {source} (Database:Path) to back up.");
            return 1;
        }
        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            await cli.Error.WriteLineAsync("error: the backup would overwrite the store itself; name another file.");
            return 1;
        }
        // Never replaces a file: an older backup is worth keeping, and a dated name per run is the usual practice.
        if (File.Exists(target))
        {
            await cli.Error.WriteLineAsync($"error: {target} exists already; name a new file (a backup never replaces one).");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        var started = Stopwatch.StartNew();
        var (pages, check) = Copy(cli.Services.GetRequiredService<Db>(), partial);
        if (check != "ok")
        {
            File.Delete(partial);
            await cli.Error.WriteLineAsync($"error: the copy failed SQLite's integrity_check ({check}); nothing was kept. Check the store with PRAGMA integrity_check.");
            return 1;
        }
        File.Move(partial, target, overwrite: false);
        await cli.Out.WriteLineAsync($"Backed up {source} to {target}: {pages:N0} pages, {new FileInfo(target).Length / 1024.0 / 1024.0:0.0} MB " +
            $"in {started.Elapsed.TotalSeconds:0.0} s; integrity_check ok.");
        return 0;
    }

    /// <summary>Copies every page in one step, so the copy is the store as one committed transaction left it; answers its pages and check.</summary>
    private static (long Pages, string Check) Copy(Db db, string partial)
    {
        using var source = new SqliteConnection(db.ConnectionString);
        // Unpooled, so the copy's file is closed (and can be renamed and read by anyone) the moment the backup ends.
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
        using var command = copy.CreateCommand();
        // The copy keeps a plain journal: a single file, ready to be moved, restored or sent elsewhere.
        command.CommandText = "PRAGMA journal_mode = DELETE";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA page_count";
        var pages = (long)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA integrity_check";
        return (pages, (string)command.ExecuteScalar()!);
    }
}
