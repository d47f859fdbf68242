using System.Diagnostics;
using System.Text.Json;
using Console.Tests.Support;

namespace Console.Bench.Support;

/// <summary>
/// The built Console.Web in its own process on a loopback port (real Kestrel), over a given SQLite file: what every
/// benchmark measures against, so none of them shares a process with its load generator.
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly WebProcess _web;
    private readonly Process _process;

    private WebServer(WebProcess web) => (_web, _process) = (web, web.Process);

    public Uri Address => _web.Address;

    public int ProcessId => _process.Id;

    /// <summary>CPU time the server has used so far (user + kernel): per CPU-second figures are steadier on a shared machine.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <param name="environment">Development serves static web assets from the build output; the API benches use Production.</param>
    public static async Task<WebServer> StartAsync(string databasePath, string environment = "Production",
        IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? variables = null, int readySeconds = 60)
    {
        var web = await WebProcess.StartAsync(
            new[]
            {
                "--environment", environment, "--Database:Path", databasePath, "--Jobs:SqlitePath", databasePath + ".jobs",
                "--Logging:LogLevel:Default", "Warning",
            }.Concat(arguments ?? []),
            line => System.Console.Error.WriteLine("  web: " + line),
            () => "", variables, readySeconds);
        return new WebServer(web);
    }

    /// <summary>Resident and private (anonymous plus private file pages) memory of the server process, in bytes.</summary>
    public (long Resident, long Private) Memory()
    {
        long resident = 0, @private = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps_rollup"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !long.TryParse(parts[1], out var kb)) continue;
            if (parts[0] == "Rss:") resident = kb * 1024;
            else if (parts[0] is "Private_Clean:" or "Private_Dirty:") @private += kb * 1024;
        }
        return (resident, @private);
    }

    /// <summary>The managed heap after a full compacting collection (GET /health/memory; needs --Diagnostics:MemoryEndpoint true).</summary>
    public async Task<long> ManagedAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var answer = JsonDocument.Parse(await client.GetStringAsync("/health/memory"));
        return answer.RootElement.GetProperty("managedBytes").GetInt64();
    }

    /// <summary>Console.Web's own build output (same configuration as the bench).</summary>
    public static string WebDll() => WebProcess.WebDll();

    public ValueTask DisposeAsync() => _web.DisposeAsync();
}
