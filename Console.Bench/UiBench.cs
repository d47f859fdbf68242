using Console.Bench.Support;
using System.Reflection;
using Console.Bench.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace Console.Bench;

/// <summary>
/// The console in a real Chromium on the default demo store: time from navigation to the rendered page (median of
/// --runs), and server memory per connected circuit (--circuits signed-in pages, median of --rounds fresh servers).
/// Goals: under 1 s; under 500 KB per circuit.
/// usage: ui [--path /sales] [--ready ".mud-chart svg"] [--runs 7] [--circuits 50] [--rounds 3] [--gc server|workstation]
/// </summary>
internal static class UiBench
{
    // The sales dashboard once it exists (its charts are what "rendered" means there); the home page until then.
    private static readonly (string Path, string Ready) Dashboard = ("/sales", ".mud-chart svg");
    private static readonly (string Path, string Ready) Home = ("/", ".mud-main-content h4");

    public static async Task RunAsync(string[] args)
    {
        var fallback = HasPage(Dashboard.Path) ? Dashboard : Home;
        var path = Text(args, "--path") ?? fallback.Path;
        var ready = Text(args, "--ready") ?? (path == fallback.Path ? fallback.Ready : Dashboard.Ready);
        var runs = Math.Max(5, Number(args, "--runs", 7));
        var circuits = Math.Max(1, Number(args, "--circuits", 50));
        var rounds = Math.Max(1, Number(args, "--rounds", 3));
        var workstationGc = Text(args, "--gc") == "workstation";
        System.Console.WriteLine($"ui: page {path} (ready: {ready}), default demo store, {(workstationGc ? "workstation" : "server")} GC, nproc {Environment.ProcessorCount}");

        await using var browser = await UiBrowser.LaunchAsync();
        await TimeNavigationAsync(browser, path, ready, runs, workstationGc);
        var perCircuit = new List<(double PrivateKb, double ManagedKb)>();
        for (var round = 1; round <= rounds; round++) perCircuit.Add(await MeasureCircuitsAsync(browser, path, ready, circuits, round, workstationGc));
        // The goal is read on what a circuit keeps alive (managed heap after a full GC); process memory also holds GC headroom.
        var managed = Stats.Median(perCircuit.Select(p => p.ManagedKb).ToList());
        System.Console.WriteLine($"  memory per circuit: managed heap median {managed:F0} KB (goal < 500 KB: {(managed < 500 ? "met" : "NOT met")}); " +
                                 $"process private memory median {Stats.Median(perCircuit.Select(p => p.PrivateKb).ToList()):F0} KB; {rounds} rounds");
    }

    private static async Task TimeNavigationAsync(UiBrowser browser, string path, string ready, int runs, bool workstationGc)
    {
        await using var server = await UiServer.StartAsync(workstationGc);
        var context = await browser.SignedInAsync(server.Address);
        var rendered = new List<double>();
        var interactive = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var opened = await UiBrowser.OpenAsync(context, path, ready);
            await opened.Page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            // The first navigation warms the server's caches and the JIT.
            if (i == 0) continue;
            rendered.Add(opened.Rendered.TotalMilliseconds);
            interactive.Add(opened.Interactive.TotalMilliseconds);
        }
        await context.CloseAsync();
        System.Console.WriteLine($"  navigation -> rendered: median {Stats.Median(rendered):F0} ms; -> interactive (first circuit render batch): median {Stats.Median(interactive):F0} ms; {runs} runs (goal < 1000 ms: {(Stats.Median(interactive) < 1000 ? "met" : "NOT met")})");
        System.Console.WriteLine($"    interactive runs: {string.Join(", ", interactive.Select(v => v.ToString("F0")))} ms");
    }

    private static async Task<(double PrivateKb, double ManagedKb)> MeasureCircuitsAsync(UiBrowser browser, string path, string ready, int circuits, int round, bool workstationGc)
    {
        await using var server = await UiServer.StartAsync(workstationGc);
        var context = await browser.SignedInAsync(server.Address);
        // One circuit open before the baseline, so the baseline already holds the page's code paths and caches.
        await UiBrowser.OpenAsync(context, path, ready);
        await Task.Delay(3_000);
        var before = server.Memory();
        var managedBefore = await server.ManagedAsync();
        await HeapDumpAsync(server, $"round{round}-before");
        // A few at a time: two shared cores, and each page is a Chromium renderer too.
        for (var opened = 0; opened < circuits; opened += 5)
            await Task.WhenAll(Enumerable.Range(0, Math.Min(5, circuits - opened)).Select(_ => UiBrowser.OpenAsync(context, path, ready)));
        await Task.Delay(5_000);
        var after = server.Memory();
        var managedAfter = await server.ManagedAsync();
        await HeapDumpAsync(server, $"round{round}-after");
        await context.CloseAsync();
        var privateKb = (after.Private - before.Private) / 1024.0 / circuits;
        var residentKb = (after.Resident - before.Resident) / 1024.0 / circuits;
        var managedKb = (managedAfter - managedBefore) / 1024.0 / circuits;
        System.Console.WriteLine($"  round {round}: {circuits} circuits; private {before.Private / 1048576.0:F1} -> {after.Private / 1048576.0:F1} MB ({privateKb:F0} KB each); " +
                                 $"resident {before.Resident / 1048576.0:F1} -> {after.Resident / 1048576.0:F1} MB ({residentKb:F0} KB each); " +
                                 $"managed heap after full GC {managedBefore / 1048576.0:F1} -> {managedAfter / 1048576.0:F1} MB ({managedKb:F0} KB each)");
        return (privateKb, managedKb);
    }

    /// <summary>With CC_BENCH_GCDUMP set to a folder, the heap by type before and after the circuits (dotnet-gcdump on the PATH).</summary>
    private static async Task HeapDumpAsync(UiServer server, string name)
    {
        if (Environment.GetEnvironmentVariable("CC_BENCH_GCDUMP") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        using var dump = System.Diagnostics.Process.Start("dotnet-gcdump", ["collect", "-p", server.ProcessId.ToString(), "-o", Path.Combine(dir, name + ".gcdump")]);
        await dump.WaitForExitAsync();
    }

    private static bool HasPage(string route) => typeof(Console.Web.Ui.UiCultures).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Any(r => r.Template == route);

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Number(string[] args, string name, int fallback) => int.TryParse(Text(args, name), out var value) ? value : fallback;
}
