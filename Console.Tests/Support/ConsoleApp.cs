using System.Net.Http.Headers;
using Console.Domain.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Console.Tests.Support;

/// <summary>The real host and HTTP pipeline over a fresh SQLite file; no demo seeding, no job server unless asked.</summary>
public sealed class ConsoleApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ConsoleApp(Dictionary<string, string?>? settings = null)
    {
        Store = new TempStore(migrate: false);
        _settings = new Dictionary<string, string?>
        {
            ["Database:Path"] = Store.Path,
            ["Demo:SeedOnEmpty"] = "false",
            // Test hosts load the models when a test asks; warming each of them would train or load for nothing.
            ["Text:WarmUp"] = "false",
            ["Text:ModelCache"] = WebProcess.SharedModelCache,
            ["role"] = "web",
            ["Jobs:SqlitePath"] = System.IO.Path.Combine(Store.Directory, "jobs.db"),
        };
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
    }

    public TempStore Store { get; }

    /// <summary>What this host logged, formatted as a log sink would write it.</summary>
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An HTTP client carrying a freshly created key of the given scope.</summary>
    public async Task<HttpClient> ClientWithKeyAsync(ApiKeyScope scope = ApiKeyScope.Ingest)
    {
        var client = CreateClient();
        var key = await Service<ApiKeys>().CreateAsync("test-" + scope, scope, "test");
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Store.Dispose();
    }
}
