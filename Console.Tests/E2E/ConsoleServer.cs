using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Console.Domain.Data;
using Console.Tests.Support;

namespace Console.Tests.E2E;

/// <summary>The built Console.Web as its own process under Kestrel on loopback, over a fresh demo-seeded SQLite file.</summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private ConsoleServer(Process process, Uri address, string directory)
    {
        (_process, Address, Directory) = (process, address, directory);
        DatabasePath = Path.Combine(directory, "console.db");
        Db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = DatabasePath });
    }

    public Uri Address { get; }
    public string Directory { get; }
    public string DatabasePath { get; }

    /// <summary>The same store the server uses, for expected figures computed independently of the pages.</summary>
    public Db Db { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string RecentLog => string.Join('\n', _log.TakeLast(40));

    public static async Task<ConsoleServer> StartAsync(int customers = 300, int days = 35)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cc-e2e", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var dll = FindWebDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development: static web assets come from the build output and the demo accounts exist.
        foreach (var arg in new[]
                 {
                     "exec", dll, "--urls", address.ToString(), "--environment", "Development", "--role", "web",
                     "--Database:Path", Path.Combine(directory, "console.db"), "--Jobs:SqlitePath", Path.Combine(directory, "jobs.db"),
                     "--Demo:SeedOnEmpty", "true", "--Demo:Customers", customers.ToString(), "--Demo:Days", days.ToString(),
                     "--Logging:LogLevel:Default", "Warning",
                 })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        var server = new ConsoleServer(process, address, directory);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > 200) _log.TryDequeue(out _);
    }

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Console.Web exited with {_process.ExitCode}:\n{RecentLog}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Console.Web was not ready within {limit.TotalSeconds:F0} s:\n{RecentLog}");
    }

    /// <summary>The Console.Web build of the same configuration as these tests; the copy beside them as a fallback.</summary>
    private static string FindWebDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Debug";
        var candidates = new[]
        {
            Path.Combine(Repo.Root, "Console.Web", "bin", configuration, "net10.0", "Console.Web.dll"),
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
