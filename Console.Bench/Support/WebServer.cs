using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Console.Bench.Support;

/// <summary>
/// The built Console.Web in its own process on a loopback port (real Kestrel), over a given SQLite file: what every
/// benchmark measures against, so none of them shares a process with its load generator.
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly Process _process;

    private WebServer(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

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
        var dll = WebDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "exec", dll, "--urls", address.ToString(), "--role", "web", "--environment", environment,
                     "--Database:Path", databasePath, "--Jobs:SqlitePath", databasePath + ".jobs",
                     "--Logging:LogLevel:Default", "Warning",
                 }.Concat(arguments ?? []))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) System.Console.Error.WriteLine("  web: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new WebServer(process, address);
        await server.WaitReadyAsync(readySeconds);
        return server;
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

    private async Task WaitReadyAsync(int seconds)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Console.Web exited with {_process.ExitCode}.");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Console.Web did not become ready within {seconds} s.");
    }

    /// <summary>Console.Web's own build output (same configuration as the bench): its static web assets manifest points at the sources.</summary>
    public static string WebDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
        var dll = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "Console.Web", "bin", configuration, "net10.0", "Console.Web.dll"));
        return File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"))
            ? dll
            : throw new FileNotFoundException("Build Console.Web first: " + dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
