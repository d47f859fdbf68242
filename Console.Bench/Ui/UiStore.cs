using System.Diagnostics;
using Console.Domain.Data;
using Console.Domain.Sales;
using Microsoft.Data.Sqlite;

namespace Console.Bench.Ui;

/// <summary>
/// The default-size demo store (seed-demo with no options, rolled up), seeded once per day into the temp folder and
/// copied for each server, so a run's writes never reach the cached file.
/// </summary>
internal static class UiStore
{
    public static async Task<string> CopyAsync(string webDll, string workDirectory)
    {
        var cached = await CachedAsync(webDll);
        var copy = Path.Combine(workDirectory, "console.db");
        File.Copy(cached, copy, overwrite: true);
        return copy;
    }

    private static async Task<string> CachedAsync(string webDll)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cc-bench");
        // The demo ends today, and the dashboard's ranges end today: a cache from another day would show old, thin ranges.
        var path = Path.Combine(directory, $"ui-demo-{DateTime.UtcNow:yyyyMMdd}-v1.db");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(directory);
        var building = path + ".building";
        foreach (var stale in Directory.GetFiles(directory, Path.GetFileName(building) + "*")) File.Delete(stale);
        var clock = Stopwatch.StartNew();
        await RunVerbAsync(webDll, "seed-demo", "--Database:Path", building);
        var db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = building });
        var rolled = await new RollupDailySales(db, new BusinessTime(new BusinessOptions())).RunAsync(chunkSize: 5_000);
        using (var connection = db.Open())
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        System.Console.WriteLine($"  seeded the default demo store and rolled up {rolled.Orders:N0} orders in {clock.Elapsed.TotalSeconds:F1} s");
        return path;
    }

    private static async Task RunVerbAsync(string webDll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(webDll)!, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", webDll }.Concat(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{args[0]} failed ({process.ExitCode}):\n{output}");
    }
}
