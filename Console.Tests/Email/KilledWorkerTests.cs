using System.Diagnostics;
using Console.Domain.Email;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Email;

/// <summary>
/// The worker is a child process of the built console (jobs run email-dispatch), killed hard mid-campaign and started
/// again. Nothing the server accepted is sent twice and nobody is skipped; the messages in flight at the kill (at most
/// one per connection) are failed as interrupted and may or may not have arrived: that is the at-most-once window.
/// </summary>
public sealed class KilledWorkerTests
{
    [Fact]
    public async Task A_worker_killed_mid_campaign_and_restarted_sends_nothing_twice_and_skips_nobody()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        var (ids, eligible, ineligible) = EmailWorld.SeedCustomers(store, 220);
        const int connections = 3;
        var settings = EmailWorld.Smtp(smtp.Port, rate: 80, connections: connections);
        using (var world = new EmailWorld(store, settings, new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids)))
        {
            var (_, _) = await world.CampaignAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using (var first = StartWorker(store, settings))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (smtp.Mailbox.Count < 40 && !first.HasExited && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.False(first.HasExited, "the worker finished before it could be killed");
            first.Kill();
            await first.WaitForExitAsync();
        }
        var atKill = smtp.Mailbox.Count;
        Assert.InRange(atKill, 40, eligible.Count - 1);

        using (var second = StartWorker(store, settings))
        {
            Assert.True(await ExitedAsync(second, TimeSpan.FromSeconds(90)), "the restarted worker did not finish");
            Assert.Equal(0, second.ExitCode);
        }

        using var connection = store.Db.Open();
        var interrupted = connection.Query<string>("SELECT email FROM email_recipients WHERE reason = 'interrupted'")
            .Select(e => store.PersonalData.Open(e)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.InRange(interrupted.Count, 0, connections);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM email_recipients WHERE state IN ('queued', 'sending')"));
        var counts = smtp.CountByAddress();
        Assert.All(interrupted, e => Assert.InRange(counts.GetValueOrDefault(e), 0, 1));
        SendingFaultTests.AssertExactlyOnce(smtp, eligible.Except(interrupted).ToHashSet(StringComparer.OrdinalIgnoreCase),
            ineligible.Concat(interrupted.Where(e => !counts.ContainsKey(e))));
        Assert.Equal(eligible.Count - interrupted.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM email_recipients WHERE state = 'sent' AND campaign_id = (SELECT MAX(id) FROM email_campaigns)"));
    }

    private static Process StartWorker(TempStore store, IReadOnlyDictionary<string, string?> settings)
    {
        var dll = WebProcess.WebDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = store.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", dll, "jobs", "run", "email-dispatch", $"--Database:Path={store.Path}",
                     $"--Jobs:SqlitePath={Path.Combine(store.Directory, "jobs.db")}" })
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) SuiteLog.Write("child", e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) SuiteLog.Write("child", e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> ExitedAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            return false;
        }
    }
}
