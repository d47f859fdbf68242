using Console.Bench.Support;

namespace Console.Bench.Ui;

/// <summary>
/// Console.Web over a copy of the demo store. Development, because only there are the static web assets served from
/// the build output and the demo accounts added; the memory endpoint on, for the per-circuit figure.
/// </summary>
internal sealed class UiServer : IAsyncDisposable
{
    private readonly WebServer _server;
    private readonly string _directory;

    private UiServer(WebServer server, string directory) => (_server, _directory) = (server, directory);

    public Uri Address => _server.Address;

    public int ProcessId => _server.ProcessId;

    public static async Task<UiServer> StartAsync(bool workstationGc = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cc-bench", "ui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await UiStore.CopyAsync(WebServer.WebDll(), directory);
        // The app ships with server GC; workstation GC shows how much of the growth is heap headroom rather than circuits.
        var server = await WebServer.StartAsync(database, "Development",
            ["--Demo:SeedOnEmpty", "true", "--Diagnostics:MemoryEndpoint", "true"],
            workstationGc ? new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" } : null);
        return new UiServer(server, directory);
    }

    public (long Resident, long Private) Memory() => _server.Memory();

    public Task<long> ManagedAsync() => _server.ManagedAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
