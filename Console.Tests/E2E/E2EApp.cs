using Console.Domain.Admin;
using Console.Domain.Data.Demo;
using Microsoft.Playwright;

namespace Console.Tests.E2E;

/// <summary>One real server and one browser per test class; each test takes its own browser context (its own cookies).</summary>
public class E2EApp : IAsyncLifetime
{
    private readonly Func<Task<ConsoleServer>> _start;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private ConsoleServer? _server;

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("The server has not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public E2EApp() : this(() => ConsoleServer.StartAsync()) { }

    /// <summary>A server started another way, e.g. over a larger demo store.</summary>
    protected E2EApp(Func<Task<ConsoleServer>> start) => _start = start;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        // The server starts in its own process while the browser launches.
        var server = _start();
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await Chromium.LaunchAsync(_playwright);
        }
        finally
        {
            _server = await server;
        }
    }

    /// <summary>A fresh page in a fresh context: no cookies, English, the 1400×1000 window the screenshots use.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(Chromium.ContextOptions(Server.Address));
        // Waits, not sleeps: on two shared cores a busy build can hold a page load or a circuit's start for many seconds.
        context.SetDefaultTimeout(30_000);
        lock (_contexts) _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A console user of its own, for tests that change an account's state (lockout).</summary>
    public async Task<string> AddUserAsync(string role, string password)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@e2e.local";
        var (user, errors) = await new ConsoleUsers(Server.Db, TimeProvider.System).AddAsync(email, role, password, "e2e");
        Assert.True(user is not null, string.Join("; ", errors));
        return email;
    }

    public static string DemoPassword => DemoUsers.Password;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>A server that runs its own job server too (--role all), for flows whose result comes from a job.</summary>
public sealed class JobsE2EApp() : E2EApp(() => ConsoleServer.StartAsync(role: "all"));

/// <summary>Browser classes run one after another: each starts a server and a browser, and two cores are shared.</summary>
[CollectionDefinition(Name)]
public sealed class E2ECollection
{
    public const string Name = "E2E";
}
