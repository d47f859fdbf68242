using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Console.Bench.Ingestion;

/// <summary>The built Console.Web in its own process on loopback (real Kestrel), over a given SQLite file.</summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>CPU time the server has used so far: on a shared machine, events per CPU-second is the steadier figure.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<WebProcess> StartAsync(string databasePath)
    {
        var dll = FindWebDll();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", dll, "--urls", address.ToString(), "--role", "web", "--Database:Path", databasePath,
                     "--Demo:SeedOnEmpty", "false", "--Logging:LogLevel:Default", "Warning", "--environment", "Production" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) System.Console.Error.WriteLine("  web: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var web = new WebProcess(process, address);
        await web.WaitReadyAsync();
        return web;
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
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
        throw new TimeoutException("Console.Web did not become ready within 30 s.");
    }

    private static string FindWebDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
        foreach (var candidate in new[]
                 {
                     Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "Console.Web", "bin", configuration, "net10.0", "Console.Web.dll")),
                     Path.Combine(here, "Console.Web.dll"),
                 })
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json"))) return candidate;
        throw new FileNotFoundException("Build Console.Web first: no Console.Web.dll with its runtimeconfig next to the bench.");
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
