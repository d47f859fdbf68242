using Microsoft.Playwright;

namespace Console.Tests.E2E;

/// <summary>Debian's Chromium driven by Playwright; browsers are never downloaded.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // A missing browser must fail the run loudly: skipped browser tests would look like passing ones.
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the end-to-end tests need Debian's Chromium (scripts/test.sh installs it: apt-get install chromium).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
    }

    public static BrowserNewContextOptions ContextOptions(Uri baseAddress) => new()
    {
        BaseURL = baseAddress.ToString().TrimEnd('/'),
        ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        Locale = "en-US",
        TimezoneId = "Asia/Shanghai",
    };
}
