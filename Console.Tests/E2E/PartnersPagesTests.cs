using System.Net.Http.Json;
using System.Text.Json;
using Console.Tests.Support;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>
/// The KOL list, a KOL page with its contract open for editing, and the payouts, on a desktop and a phone in English and
/// Chinese: no page scrolls sideways (wide tables scroll inside their own box). Each view is saved as a picture, to a
/// temp folder, or with CC_SCREENSHOTS=1 to docs/screenshots/ (kols-1440-en.png and so on).
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class PartnersPagesTests(E2EApp app) : IClassFixture<E2EApp>
{
    private static readonly (int Width, int Height)[] Sizes = [(1440, 900), (390, 844)];

    [Fact]
    public async Task Kol_pages_and_payouts_fit_a_phone_in_both_languages()
    {
        long kol;
        await using (var c = await app.Server.Db.OpenAsync())
            kol = await c.QueryFirstAsync<long>(
                "SELECT kol_id FROM kol_commissions GROUP BY kol_id ORDER BY COUNT(DISTINCT kind) DESC, COUNT(*) DESC, kol_id");
        using (var api = await app.Server.ClientWithKeyAsync("partners-pages-e2e", Console.Domain.Admin.ApiKeyScope.Manage))
        {
            var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var draft = await api.PostAsJsonAsync("/api/v1/payouts", new { periodEnd = today });
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        }
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "admin@demo.local", E2EApp.DemoPassword, "/partners/kols");
        var findings = new List<string>();
        foreach (var culture in new[] { "en", "zh-Hans" })
            foreach (var (width, height) in Sizes)
            {
                await page.SetViewportSizeAsync(width, height);
                await OpenAsync(page, culture, "/partners/kols", "[data-testid=kol-list]");
                findings.AddRange(await CheckAsync(page, $"kols-{width}-{culture}"));
                await OpenAsync(page, culture, $"/partners/kols/{kol}", "[data-testid=kol-lines]");
                findings.AddRange(await CheckAsync(page, $"kol-{width}-{culture}"));
                await page.Locator("[data-testid=contract-edit]").First.ClickAsync();
                await Expect(page.Locator("[data-testid=contract-edit-form]")).ToBeVisibleAsync();
                await page.Locator("[data-testid=contract-edit-form]").ScrollIntoViewIfNeededAsync();
                findings.AddRange(await CheckAsync(page, $"contract-{width}-{culture}"));
                await OpenAsync(page, culture, "/partners/payouts", "[data-testid=payout]");
                findings.AddRange(await CheckAsync(page, $"payouts-{width}-{culture}"));
            }
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    private static async Task OpenAsync(IPage page, string culture, string url, string ready)
    {
        await Ui.GotoAsync(page, $"/culture/{culture}?returnUrl={Uri.EscapeDataString(url)}");
        await Expect(page.Locator(ready).First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
        await Ui.WaitForCircuitAsync(page);
    }

    /// <summary>Saves the view and reports it when the page is wider than the window.</summary>
    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string name)
    {
        var folder = Screenshots.ForDocs ? Path.Combine(Repo.Root, "docs", "screenshots") : Path.Combine(Path.GetTempPath(), "cc-e2e-screenshots");
        Directory.CreateDirectory(folder);
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, name + ".png"), Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled,
        });
        var size = await page.EvaluateAsync<JsonElement>(
            "() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })");
        var (scroll, client) = (size.GetProperty("scroll").GetInt32(), size.GetProperty("client").GetInt32());
        return scroll > client ? [$"{name}: {scroll} px wide in a {client} px window"] : [];
    }
}
