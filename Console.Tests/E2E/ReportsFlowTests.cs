using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>A server with its own job server polling every half second, so a queued report is rendered while the page watches.</summary>
public sealed class ReportsE2EApp() : E2EApp(() => ConsoleServer.StartAsync(role: "all", settings: ("Jobs:PollIntervalSeconds", "0.5")));

/// <summary>A manager queues a PDF report on the Reports page, watches its bar reach the end, and downloads the file.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ReportsFlowTests(ReportsE2EApp app) : IClassFixture<ReportsE2EApp>
{
    [Fact]
    public async Task A_manager_queues_a_report_watches_it_render_and_downloads_the_pdf()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, "/reports");
        await Expect(page.Locator("[data-testid=report-request]")).ToBeVisibleAsync();
        var before = await ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM reports");

        // The form starts on the last 30 days before today; the manager asks for it as it is.
        await page.Locator("[data-testid=report-request]").ClickAsync();
        var report = page.Locator($"[data-testid=report][data-report-id='{before + 1}']");
        await Expect(report).ToBeVisibleAsync();
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string status;
        do
        {
            status = await report.Locator("[data-testid=report-status]").InnerTextAsync();
            var bar = report.Locator("[data-testid=report-progress] [role=progressbar]");
            seen.Add(await bar.CountAsync() > 0 ? $"{status} {await bar.GetAttributeAsync("aria-valuenow")}" : status);
            if (status != "Ready") await Task.Delay(100);
        }
        while (status != "Ready" && DateTime.UtcNow < deadline);
        Assert.True(status == "Ready", $"the report stopped at {string.Join(", ", seen.Distinct())}\n{app.Server.RecentLog}");
        // The bar was shown while the report waited or rendered, and is gone once it is ready.
        Assert.Contains(seen, s => s.StartsWith("Queued", StringComparison.Ordinal) || s.StartsWith("Rendering", StringComparison.Ordinal));
        await Expect(report.Locator("[data-testid=report-progress]")).ToHaveCountAsync(0);
        await Expect(report).ToContainTextAsync("pages");

        var download = report.Locator("[data-testid=report-download]");
        var href = await download.GetAttributeAsync("href");
        Assert.Equal($"/reports/{before + 1}.pdf", href);
        var response = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var pdf = await response.BodyAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Equal(await ScalarAsync("SELECT bytes FROM reports WHERE id = @id", new { id = before + 1 }), pdf.Length);
        Assert.InRange(pdf.Length, 20_000, 1_000_000);
        Assert.Equal(1, await ScalarAsync("""
            SELECT COUNT(*) FROM audit_log WHERE action = 'report.download' AND entity_id = @id AND actor = 'manager@demo.local'
            """, new { id = (before + 1).ToString() }));

        // A weekly schedule, added on the same page.
        await page.Locator("input[data-testid=schedule-recipients]").FillAsync("boss@example.com, cfo@example.com");
        await page.Locator("[data-testid=schedule-add]").ClickAsync();
        await Expect(page.Locator("[data-testid=schedule]").Last).ToContainTextAsync("cfo@example.com");

        if (Screenshots.ForDocs) await ScreenshotsAsync();
    }

    /// <summary>The page at 1440 and 390 px in English and Chinese, for docs/screenshots (CC_SCREENSHOTS=1).</summary>
    private async Task ScreenshotsAsync()
    {
        foreach (var (locale, language) in new[] { ("en-US", "en"), ("zh-CN", "zh-Hans") })
        {
            await using var context = await app.Browser.NewContextAsync(new()
            {
                BaseURL = app.Server.Address.ToString().TrimEnd('/'), Locale = locale, TimezoneId = "Asia/Shanghai",
                ViewportSize = new() { Width = 1440, Height = 1000 },
            });
            var page = await context.NewPageAsync();
            await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, "/reports");
            foreach (var width in new[] { 1440, 390 })
            {
                await page.SetViewportSizeAsync(width, width > 800 ? 1000 : 844);
                await Ui.GotoAsync(page, "/reports");
                await Expect(page.Locator("[data-testid=report-download]").First).ToBeVisibleAsync();
                Assert.True(await page.EvaluateAsync<bool>($"document.documentElement.scrollWidth <= {width}"), $"wider than {width} px in {language}");
                Directory.CreateDirectory(Screenshots.Folder);
                await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                await page.ScreenshotAsync(new()
                {
                    Path = Path.Combine(Screenshots.Folder, $"reports-{width}-{language}.png"), FullPage = true,
                    Animations = ScreenshotAnimations.Disabled,
                });
            }
        }
    }

    private async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await app.Server.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }
}
