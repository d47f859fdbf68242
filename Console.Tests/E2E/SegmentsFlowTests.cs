using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>A marketer builds a segment in the builder, watches its live count and sample, and saves it; pictures at 1440 and 390 px.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class SegmentsFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    [Fact]
    public async Task A_marketer_builds_a_segment_sees_its_live_count_and_sample_and_saves_it()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/audience/segments");
        await Expect(page.Locator("[data-testid=segment-link]").Filter(new() { HasTextString = "Detractors" })).ToBeVisibleAsync();

        await Ui.GotoAsync(page, "/audience/segments/new");
        await Ui.WaitForCircuitAsync(page);
        // The first condition starts without a value, so the builder says what to fix instead of counting.
        await Expect(page.Locator("[data-testid=rule-invalid]")).ToBeVisibleAsync();
        await Ui.PickAsync(page, "Field", "Accepts marketing email");
        long optedIn;
        await using (var connection = await app.Server.Db.OpenAsync())
            optedIn = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM customers WHERE email_opt_in = 1");
        await Expect(page.Locator("[data-testid=live-count]")).ToHaveTextAsync(optedIn.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        var sample = page.Locator("[data-testid=sample] a");
        await Expect(sample.First).ToBeVisibleAsync();
        Assert.InRange(await sample.CountAsync(), 1, 20);

        var name = "Opted in " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("input[data-testid=segment-name]").FillAsync(name);
        await Shots(page, "en");
        await page.Locator("[data-testid=save-segment]").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.Server.Address.ToString().TrimEnd('/')}/audience/segments");
        await using (var connection = await app.Server.Db.OpenAsync())
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM segments WHERE name = @name", new { name }));

        await Ui.GotoAsync(page, "/culture/zh-Hans?returnUrl=/audience/segments/new");
        await Ui.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=rule-invalid]")).ToBeVisibleAsync();
        await Shots(page, "zh");
    }

    /// <summary>The builder at a desktop and a phone width; nothing may stick out sideways at 390 px.</summary>
    private static async Task Shots(IPage page, string language)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        foreach (var (width, height) in new[] { (1440, 1000), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
                $"the builder is wider than {width} px");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Screenshots.Folder, $"segment-builder-{language}-{width}.png"), FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
            });
        }
        await page.SetViewportSizeAsync(1400, 1000);
    }
}
