using Console.Domain.Data;
using Console.Web.Cli;
using Dapper;
using Xunit.Abstractions;

namespace Console.Tests.Durability;

/// <summary>
/// The backup verb copies the SQLite store online while a console writes to it: the copy, restored as a store of its
/// own, opens, passes integrity_check and holds every row acknowledged before the backup began.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_taken_while_the_console_writes_restores_whole_with_every_row_acknowledged_before_it()
    {
        await using var console = new ChildConsole();
        var server = await console.StartAsync();
        using var client = await console.ClientAsync(server);
        var feed = new EventFeed("bk", 60_000, 250);
        var begun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.OnAcknowledged = n => { if (n >= 8) begun.TrySetResult(); };
        using var stop = new CancellationTokenSource();
        var sending = feed.SendAllAsync(client, senders: 2, stop.Token);
        await Task.WhenAny(begun.Task, sending);

        var before = feed.Acknowledged.Keys.ToList();
        var backup = Path.Combine(console.Directory, "backups", "console-backup.db");
        var code = await console.RunVerbAsync("backup", backup);
        var during = feed.Acknowledged.Count - before.Count;
        await stop.CancelAsync();
        await sending;
        Assert.True(code == 0, console.RecentLog);
        Assert.Contains(console.Log, l => l.Contains("[backup] Backed up", StringComparison.Ordinal) && l.Contains("integrity_check ok", StringComparison.Ordinal));
        Assert.False(File.Exists(backup + ".partial"));

        // Restore: the copy becomes the store of a new data directory, as docs/operations.md describes.
        var restoredDirectory = Path.Combine(console.Directory, "restored");
        Directory.CreateDirectory(restoredDirectory);
        var restoredPath = Path.Combine(restoredDirectory, "console.db");
        File.Copy(backup, restoredPath);
        var restored = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = restoredPath });
        Assert.Empty(new Migrator(restored).Migrate());
        await using var connection = await restored.OpenAsync();
        var check = await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check");
        var ids = (await connection.QueryAsync<string>("SELECT event_id FROM events")).ToHashSet(StringComparer.Ordinal);
        var missing = before.SelectMany(feed.EventIds).Count(id => !ids.Contains(id));
        await using var live = await console.Db.OpenAsync();
        var liveRows = await live.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events");
        output.WriteLine($"{before.Count} batches ({before.Count * feed.BatchSize} events) acknowledged before the backup, {during} more while it ran; " +
            $"the copy holds {ids.Count} events, the live store {liveRows}; integrity_check: {check}; missing from the copy: {missing}.");
        Assert.Equal("ok", check);
        Assert.Equal(0, missing);
        // Whole batches only: the copy is the store as one commit left it.
        Assert.Equal(0, ids.Count % feed.BatchSize);
        Assert.InRange(ids.Count, before.Count * feed.BatchSize, liveRows);
    }

    [Fact]
    public async Task Backup_refuses_sql_server_an_existing_file_and_a_missing_store_saying_why_and_copies_a_store_at_rest()
    {
        using var store = new TempStore();
        var existing = Path.Combine(store.Directory, "taken.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var sqlServer = await Run("backup", Path.Combine(store.Directory, "x.db"), "--Database:Provider=SqlServer",
            "--ConnectionStrings:Console=Server=db.example;Database=console;Integrated Security=true");
        var taken = await Run("backup", existing, $"--Database:Path={store.Path}");
        var noStore = await Run("backup", Path.Combine(store.Directory, "y.db"), $"--Database:Path={Path.Combine(store.Directory, "none.db")}");
        var fresh = await Run("backup", Path.Combine(store.Directory, "fresh.db"), $"--Database:Path={store.Path}");

        Assert.Equal(1, sqlServer.Code);
        Assert.Contains("use SQL Server's own backups", sqlServer.Err);
        Assert.Contains("docs/operations.md", sqlServer.Err);
        Assert.Equal(1, taken.Code);
        Assert.Contains("exists already", taken.Err);
        Assert.Equal(1, noStore.Code);
        Assert.Contains("there is no store at", noStore.Err);
        Assert.False(File.Exists(Path.Combine(store.Directory, "none.db")));
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.True(fresh.Code == 0, fresh.Err);
        Assert.Contains("integrity_check ok", fresh.Out);
        Assert.True(File.Exists(Path.Combine(store.Directory, "fresh.db")));
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliVerbs.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
