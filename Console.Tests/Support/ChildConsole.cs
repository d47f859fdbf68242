using System.Collections.Concurrent;
using System.Diagnostics;
using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Tests.Support;

/// <summary>
/// A data directory (console store and job store) that built Console.Web processes open as their own: started, killed
/// hard (SIGKILL to the whole tree) mid-work and started again on the same files. The test reads the store directly.
/// </summary>
public sealed class ChildConsole : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly List<WebProcess> _servers = [];
    private readonly List<Process> _verbs = [];

    /// <param name="directory">Where the store lives (e.g. a size-limited mount); a fresh temp directory when null.</param>
    public ChildConsole(string? directory = null)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "cc-durability", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "console.db");
        JobsPath = Path.Combine(Directory, "jobs.db");
        Db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = DatabasePath });
        // Migrated here, as the migrate verb would, so keys and rows can be put in before the first start.
        new Migrator(Db).Migrate();
    }

    public string Directory { get; }
    public string DatabasePath { get; }
    public string JobsPath { get; }
    public Db Db { get; }

    /// <summary>Every line any of the processes wrote, in arrival order.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public string RecentLog => string.Join('\n', _log.TakeLast(60));

    private IEnumerable<string> StoreArguments(params string[] extra) =>
        ["--Database:Path", DatabasePath, "--Jobs:SqlitePath", JobsPath, "--Jobs:PollIntervalSeconds", "0.5", .. extra];

    /// <summary>Starts a console on the store in the given role and waits until it is ready.</summary>
    public async Task<WebProcess> StartAsync(string role = "web", params string[] extra)
    {
        var server = await WebProcess.StartAsync([.. StoreArguments(extra), "--role", role], Note(role), () => RecentLog);
        _servers.Add(server);
        return server;
    }

    /// <summary>SIGKILL to the process and its children: no shutdown hooks, no flush, as a power cut or an OOM kill would end it.</summary>
    public static async Task KillAsync(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Starts a CLI verb (jobs run, backup...) as its own process on the store; the caller waits for it or kills it.</summary>
    public Process StartVerb(params string[] args)
    {
        var dll = WebProcess.WebDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", dll }.Concat(args).Concat(StoreArguments())) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Console.Web.");
        var note = Note(args[0]);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { note(e.Data); SuiteLog.Write("child", e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { note(e.Data); SuiteLog.Write("child", e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _verbs.Add(process);
        return process;
    }

    /// <summary>Runs a CLI verb to its end and answers its exit code.</summary>
    public async Task<int> RunVerbAsync(params string[] args)
    {
        var process = StartVerb(args);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode;
    }

    /// <summary>An HTTP client to the server carrying a freshly created key of the scope.</summary>
    public async Task<HttpClient> ClientAsync(WebProcess server, ApiKeyScope scope = ApiKeyScope.Ingest)
    {
        var key = await new ApiKeys(Db, TimeProvider.System).CreateAsync("durability-" + scope, scope, "test");
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        return client;
    }

    private Action<string> Note(string who) => line => _log.Enqueue($"[{who}] {line}");

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        foreach (var verb in _verbs)
        {
            await KillAsync(verb);
            verb.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
