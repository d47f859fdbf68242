using System.Diagnostics;
using Microsoft.Playwright;

namespace Console.Bench.Ui;

/// <summary>Debian's Chromium under Playwright, signed in as the demo manager; browsers are never downloaded.</summary>
internal sealed class UiBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private UiBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<UiBrowser> LaunchAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new UiBrowser(playwright, browser);
    }

    /// <summary>A context holding the manager's sign-in cookie: every page opened in it is a signed-in circuit.</summary>
    public async Task<IBrowserContext> SignedInAsync(Uri address)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "en-US",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("input[name=Email]").FillAsync("manager@demo.local");
        await page.Locator("input[name=Password]").FillAsync("demo-pass-2026");
        await page.Locator("[data-testid=signin-form] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await page.CloseAsync();
        return context;
    }

    public sealed record Opened(IPage Page, TimeSpan Rendered, TimeSpan Interactive);

    /// <summary>
    /// Opens the page and times it: Rendered when the ready element is visible, Interactive when the circuit has also
    /// sent its first render batch and the ready element is (still) visible.
    /// </summary>
    public static async Task<Opened> OpenAsync(IBrowserContext context, string path, string readySelector)
    {
        var page = await context.NewPageAsync();
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal)) return;
            socket.FrameReceived += (_, frame) => { if (frame.Binary is { Length: > 0 }) firstBatch.TrySetResult(); };
        };
        var ready = page.Locator(readySelector).First;
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await ready.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var rendered = clock.Elapsed;
        await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await ready.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        return new Opened(page, rendered, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
