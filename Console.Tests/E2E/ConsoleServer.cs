using System.Collections.Concurrent;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Text;
using Console.Tests.Support;

namespace Console.Tests.E2E;

/// <summary>The built Console.Web as its own process under Kestrel on loopback, over a fresh demo-seeded SQLite file.</summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log;
    private readonly WebProcess _web;

    private ConsoleServer(WebProcess web, ConcurrentQueue<string> log, string directory)
    {
        (_web, _log, Directory) = (web, log, directory);
        DatabasePath = Path.Combine(directory, "console.db");
        Db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = DatabasePath });
    }

    public Uri Address => _web.Address;
    public string Directory { get; }
    public string DatabasePath { get; }

    /// <summary>The same store the server uses, for expected figures computed independently of the pages.</summary>
    public Db Db { get; }

    public int ProcessId => _web.Process.Id;

    /// <summary>An HTTP client to the server carrying a freshly created key, as the storefront or live room holds one.</summary>
    public async Task<HttpClient> ClientWithKeyAsync(string name, ApiKeyScope scope = ApiKeyScope.Ingest)
    {
        var key = await new ApiKeys(Db, TimeProvider.System).CreateAsync(name, scope, "e2e");
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        return client;
    }

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string RecentLog => Recent(_log);

    /// <param name="readySeconds">How long the server may take to seed and start: the default demo size takes about a minute.</param>
    /// <param name="role">web (no job server, the default) or all, for flows that wait on a job.</param>
    /// <param name="settings">More settings as name/value pairs, for a flow that needs its own (an email outbox, a fast job poll).</param>
    public static async Task<ConsoleServer> StartAsync(int customers = 300, int days = 35, int readySeconds = 60, string role = "web",
        params (string Name, string Value)[] settings)
    {
        // Trained here at most once per build and machine, before the browser competes for the cores; the server loads it.
        await Task.Run(() =>
        {
            var cache = new ShippedSentimentCache(WebProcess.SharedModelCache);
            foreach (var language in SentimentLabels.Languages) cache.GetOrTrain(language);
        });
        var directory = Path.Combine(Path.GetTempPath(), "cc-e2e", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        // A store seeded by an earlier server of this run is copied in, so the server finds it full and skips the seed
        // and its rollups (a few seconds a class); the first server of each size seeds, and its store becomes the copy.
        // A server given its own demo settings seeds its own store.
        var shared = !settings.Any(s => s.Name.StartsWith("Demo:", StringComparison.OrdinalIgnoreCase));
        var key = (customers, days);
        var template = shared ? Templates.GetValueOrDefault(key) : null;
        if (template is not null) CopyStore(template, directory);
        var log = new ConcurrentQueue<string>();
        // Development: static web assets come from the build output and the demo accounts exist.
        var web = await WebProcess.StartAsync(
            [
                "--environment", "Development",
                "--Database:Path", Path.Combine(directory, "console.db"), "--Jobs:SqlitePath", Path.Combine(directory, "jobs.db"),
                "--Demo:SeedOnEmpty", "true", "--Demo:Customers", customers.ToString(), "--Demo:Days", days.ToString(),
                // Each browser test that needs a model trains its own; a minute of background CPU per server would slow them all.
                "--Demo:TrainModels", "false",
                "--Logging:LogLevel:Default", "Warning", "--role", role,
                .. settings.SelectMany(s => new[] { "--" + s.Name, s.Value }),
            ],
            line =>
            {
                log.Enqueue(line);
                while (log.Count > 200) log.TryDequeue(out _);
            },
            () => Recent(log), readySeconds: readySeconds);
        var server = new ConsoleServer(web, log, directory);
        if (shared && template is null) await KeepAsTemplateAsync(server, key);
        return server;
    }

    private static readonly ConcurrentDictionary<(int, int), string> Templates = new();

    /// <summary>
    /// Copies the store the server has just seeded, before any test changes it: VACUUM INTO reads one consistent state of
    /// the live file. The key ring goes with it, since the store's personal data is sealed under it.
    /// </summary>
    private static async Task KeepAsTemplateAsync(ConsoleServer server, (int, int) key)
    {
        var template = Path.Combine(Path.GetTempPath(), "cc-e2e", "template-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(template);
        await using (var connection = await server.Db.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO @path";
            var path = command.CreateParameter();
            (path.ParameterName, path.Value) = ("@path", Path.Combine(template, "console.db"));
            command.Parameters.Add(path);
            await command.ExecuteNonQueryAsync();
        }
        CopyFolder(Path.Combine(server.Directory, "keys"), Path.Combine(template, "keys"));
        // Another server of the same size may have kept its copy first; then this one goes at once.
        if (Templates.TryAdd(key, template)) AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(template);
        else Remove(template);
    }

    private static void Remove(string folder)
    {
        try { System.IO.Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void CopyStore(string template, string directory)
    {
        File.Copy(Path.Combine(template, "console.db"), Path.Combine(directory, "console.db"));
        CopyFolder(Path.Combine(template, "keys"), Path.Combine(directory, "keys"));
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static string Recent(ConcurrentQueue<string> log) => string.Join('\n', log.TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        await _web.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Remove(Directory);
    }
}
