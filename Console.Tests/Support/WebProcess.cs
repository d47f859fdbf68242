using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Console.Tests.Support;

/// <summary>
/// The built Console.Web as its own process under Kestrel on a free loopback port, ready once /health/ready answers.
/// Browser tests and Console.Bench (which links this file) both start their servers through it.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Func<string> _recentOutput;

    private WebProcess(Process process, Uri address, Func<string> recentOutput) =>
        (_process, Address, _recentOutput) = (process, address, recentOutput);

    public Uri Address { get; }

    public Process Process => _process;

    /// <summary>
    /// Starts Console.Web (the build beside the sources unless <paramref name="dll"/> names another, e.g. a published one) with the
    /// role web and the given arguments; every line it writes goes to <paramref name="output"/>.
    /// </summary>
    /// <summary>The sentiment model cache that every server started by the tests reads; later arguments may name another.</summary>
    public static string SharedModelCache { get; } = Path.Combine(Path.GetTempPath(), "cc-test-model-cache");

    public static async Task<WebProcess> StartAsync(IEnumerable<string> arguments, Action<string> output, Func<string> recentOutput,
        IReadOnlyDictionary<string, string>? variables = null, int readySeconds = 60, string? dll = null)
    {
        dll ??= WebDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Every child shares one sentiment model cache, so a warm-up loads what the first child (or the test run) trained.
        string[] defaults = ["exec", dll, "--urls", address.ToString(), "--role", "web", "--Text:ModelCache", SharedModelCache];
        foreach (var arg in defaults.Concat(arguments)) start.ArgumentList.Add(arg);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data); SuiteLog.Write("child", e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data); SuiteLog.Write("child", e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new WebProcess(process, address, recentOutput);
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(readySeconds));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Console.Web exited with {_process.ExitCode}:\n{_recentOutput()}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Console.Web was not ready within {limit.TotalSeconds:F0} s:\n{_recentOutput()}");
    }

    /// <summary>Console.Web's build of the caller's configuration (its static web assets manifest points at the sources), else the copy beside the caller.</summary>
    public static string WebDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
        var candidates = new[]
        {
            Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "Console.Web", "bin", configuration, "net10.0", "Console.Web.dll")),
            Path.Combine(here, "Console.Web.dll"),
        };
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException("Build Console.Web first: no Console.Web.dll with its runtimeconfig in " + string.Join(" or ", candidates));
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
