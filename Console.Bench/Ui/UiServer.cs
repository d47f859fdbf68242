using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Console.Bench.Ui;

/// <summary>
/// Console.Web in its own process on loopback over a copy of the demo store. Development, because only there are the
/// static web assets served from the build output and the demo accounts added.
/// </summary>
internal sealed class UiServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private UiServer(Process process, Uri address, string directory) => (_process, Address, _directory) = (process, address, directory);

    public Uri Address { get; }

    public static async Task<UiServer> StartAsync(bool workstationGc = false)
    {
        var dll = WebDll();
        var directory = Path.Combine(Path.GetTempPath(), "cc-bench", "ui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await UiStore.CopyAsync(dll, directory);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "exec", dll, "--urls", address.ToString(), "--environment", "Development", "--role", "web",
                     "--Database:Path", database, "--Jobs:SqlitePath", Path.Combine(directory, "jobs.db"),
                     "--Demo:SeedOnEmpty", "true", "--Logging:LogLevel:Default", "Warning", "--Diagnostics:MemoryEndpoint", "true",
                 })
            start.ArgumentList.Add(arg);
        // The app ships with server GC; workstation GC shows how much of the growth is heap headroom rather than circuits.
        if (workstationGc) start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) System.Console.Error.WriteLine("  web: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new UiServer(process, address, directory);
        await server.WaitReadyAsync();
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

    /// <summary>The server's managed heap after a full compacting collection (its /health/memory), in bytes.</summary>
    public async Task<long> ManagedAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var answer = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/health/memory"));
        return answer.RootElement.GetProperty("managedBytes").GetInt64();
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
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
        throw new TimeoutException("Console.Web did not become ready within 60 s.");
    }

    private static string WebDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
        var dll = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "Console.Web", "bin", configuration, "net10.0", "Console.Web.dll"));
        // The build output of Console.Web itself: its static web assets manifest points at the sources.
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Console.Web first: " + dll);
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
