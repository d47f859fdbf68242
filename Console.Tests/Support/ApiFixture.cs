using System.Data.Common;
using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Tests.Support;

/// <summary>
/// One real host per test class with an ingest and a manage key, and the rows its tests start from put in by plain SQL.
/// Tests make their own campaigns, experiments or surveys with fresh ids (NewId), so they never share state.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public ConsoleApp App { get; } = new();
    public HttpClient Ingest { get; private set; } = null!;
    public HttpClient Manage { get; private set; } = null!;
    public Db Db => App.Store.Db;

    public async Task InitializeAsync()
    {
        Ingest = await App.ClientWithKeyAsync(ApiKeyScope.Ingest);
        Manage = await App.ClientWithKeyAsync(ApiKeyScope.Manage);
        await PrepareAsync();
        await using var connection = await Db.OpenAsync();
        await SeedAsync(connection, DateTime.UtcNow);
    }

    /// <summary>Work the host needs before the tests' first request, such as loading models.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected abstract Task SeedAsync(DbConnection connection, DateTime now);

    public Task DisposeAsync()
    {
        Ingest.Dispose();
        Manage.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];
}
