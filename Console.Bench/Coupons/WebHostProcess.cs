using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Console.Bench.Coupons;

/// <summary>The built Console.Web running as its own process on a loopback port, over its own SQLite file.</summary>
internal sealed class WebHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebHostProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    /// <summary>CPU the server process has used so far (user + kernel).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public static async Task<WebHostProcess> StartAsync(string webDll, string databasePath, string jobsPath)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        foreach (var arg in new[]
                 {
                     webDll, "--urls", $"http://127.0.0.1:{port}", "--role", "web", "--environment", "Production",
                     $"--Database:Path={databasePath}", $"--Jobs:SqlitePath={jobsPath}", "--Demo:SeedOnEmpty=false",
                     "--Logging:LogLevel:Default=Warning",
                 })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) System.Console.Error.WriteLine("  web: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new WebHostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await host.WaitUntilReadyAsync();
        return host;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        for (var i = 0; i < 300; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Console.Web exited with {_process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Console.Web did not become ready in 30 s.");
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
