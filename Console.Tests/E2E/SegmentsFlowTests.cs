using System.Globalization;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>
/// A console with its job server polling every second and mail written to an outbox folder (no SMTP host), so that a
/// campaign sent from the page is sent by the real job within the flow.
/// </summary>
public sealed class EmailE2EApp() : E2EApp(() => ConsoleServer.StartAsync(role: "all", settings:
[
    ("Jobs:PollIntervalSeconds", "1"), ("Email:OutboxPath", Outbox), ("Email:RatePerSecond", "1000"),
]))
{
    public static readonly string Outbox = Path.Combine(Path.GetTempPath(), "cc-e2e-outbox-" + Guid.NewGuid().ToString("N")[..8]);
}

/// <summary>
/// A marketer builds a segment in the builder (its live count and sample shown), writes an email campaign to it, sends it,
/// watches the progress bar reach the end and reads the counts per state and the delivery log. Pictures of the builder
/// and the campaign at 1440 and 390 px, in English and Chinese.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class SegmentsFlowTests(EmailE2EApp app) : IClassFixture<EmailE2EApp>
{
    [Fact]
    public async Task A_marketer_builds_a_segment_sends_it_an_email_and_watches_it_reach_every_recipient()
    {
        try
        {
            await FlowAsync();
        }
        finally
        {
            if (Directory.Exists(EmailE2EApp.Outbox)) Directory.Delete(EmailE2EApp.Outbox, recursive: true);
        }
    }

    private async Task FlowAsync()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/audience/segments/new");
        await Ui.WaitForCircuitAsync(page);
        // The first condition starts without a value, so the builder says what to fix instead of counting.
        await Expect(page.Locator("[data-testid=rule-invalid]")).ToBeVisibleAsync();
        await Ui.PickAsync(page, "Field", "Accepts marketing email");
        long optedIn;
        await using (var connection = await app.Server.Db.OpenAsync())
            optedIn = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM customers WHERE email_opt_in = 1");
        await Expect(page.Locator("[data-testid=live-count]")).ToHaveTextAsync(optedIn.ToString("N0", CultureInfo.GetCultureInfo("en-US")));
        var sample = page.Locator("[data-testid=sample] a");
        await Expect(sample.First).ToBeVisibleAsync();
        Assert.InRange(await sample.CountAsync(), 1, 20);
        var name = "Opted in " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("input[data-testid=segment-name]").FillAsync(name);
        await ShotsAsync(page, "segments", "en");
        await page.Locator("[data-testid=save-segment]").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Base}/audience/segments");

        // The email campaign: the segment is picked by its name and live size.
        await Ui.GotoAsync(page, "/promotions/email/new");
        await Ui.WaitForCircuitAsync(page);
        await page.Locator("input[data-testid=email-name]").FillAsync("Spring news");
        await Ui.PickAsync(page, "Segment", $"{name} · {optedIn.ToString("N0", CultureInfo.GetCultureInfo("en-US"))} customers now");
        await page.Locator("input[data-testid=email-subject]").FillAsync("Hello {{ customer.first_name }}");
        // The coupon is picked by its campaign's name: each recipient is handed a unique code of that campaign.
        await Ui.PickAsync(page, "Coupon campaign", "Community codes");
        await page.Locator("[data-testid=email-save]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/promotions/email/\d+$"));
        var campaignUrl = new Uri(page.Url).AbsolutePath;
        await Ui.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=email-heading]")).ToHaveTextAsync($"Subject: Hello {{{{ customer.first_name }}}} · Segment: {name}");

        await page.Locator("[data-testid=email-send]").ClickAsync();
        // The send job is picked up within the second the job server polls; a busy machine may hold it longer.
        // The campaign's own bar; the delivery log's loading bar is a progressbar too.
        await Expect(page.Locator("[role=progressbar]:not(.mud-progress-linear)")).ToHaveAttributeAsync("aria-valuenow", "100", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=email-status]")).ToHaveTextAsync("Sent");
        // The notice follows the campaign: once sending has ended it gives the outcome, not the start.
        await Expect(page.Locator("[data-testid=email-notice]")).ToContainTextAsync("Sending has ended:");
        var id = long.Parse(campaignUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        long queued, sent;
        await using (var connection = await app.Server.Db.OpenAsync())
        {
            queued = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM email_recipients WHERE campaign_id = @id AND state IN ('queued', 'sending')", new { id });
            sent = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM email_recipients WHERE campaign_id = @id AND state = 'sent'", new { id });
        }
        Assert.Equal(0, queued);
        Assert.True(sent > 0, "nobody was sent the campaign");
        await using (var connection = await app.Server.Db.OpenAsync())
        {
            Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT id FROM coupon_campaigns WHERE name LIKE 'Community codes%'"),
                await connection.ExecuteScalarAsync<long>("SELECT coupon_campaign_id FROM email_campaigns WHERE id = @id", new { id }));
            Assert.True(await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM email_recipients WHERE campaign_id = @id AND state = 'sent' AND coupon_code IS NOT NULL", new { id }) > 0,
                "no recipient was handed a code of the coupon campaign");
        }
        // One .eml per message sent: the outbox is the mail server of a console without SMTP.
        Assert.Equal(sent, Directory.GetFiles(EmailE2EApp.Outbox, "*.eml", SearchOption.AllDirectories).Length);
        await Expect(page.Locator(PageRoutes.Main)).ToContainTextAsync(sent.ToString("N0", CultureInfo.GetCultureInfo("en-US")));
        var log = page.Locator(".mud-table-body tr");
        await Expect(log.First).ToContainTextAsync("Sent");
        await ShotsAsync(page, "email", "en");

        await Ui.GotoAsync(page, $"/culture/zh-Hans?returnUrl={Uri.EscapeDataString(campaignUrl)}");
        await Ui.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=email-status]")).ToHaveTextAsync("已发送");
        await Expect(page.Locator(".mud-table-body tr").First).ToBeVisibleAsync();
        await ShotsAsync(page, "email", "zh-Hans");
        await Ui.GotoAsync(page, "/audience/segments/new");
        await Ui.WaitForCircuitAsync(page);
        await Ui.PickAsync(page, "字段", "接受营销邮件");
        await Expect(page.Locator("[data-testid=live-count]")).ToHaveTextAsync(optedIn.ToString("N0", CultureInfo.GetCultureInfo("zh-Hans")));
        await ShotsAsync(page, "segments", "zh-Hans");
    }

    private string Base => app.Server.Address.ToString().TrimEnd('/');

    /// <summary>The page at a desktop and a phone width, as {page}-{width}-{language}.png; nothing may stick out sideways.</summary>
    private static async Task ShotsAsync(IPage page, string name, string language)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        foreach (var (width, height) in new[] { (1440, 1000), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
                $"{name} is wider than {width} px");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Screenshots.Folder, $"{name}-{width}-{language}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled,
            });
        }
        await page.SetViewportSizeAsync(1400, 1000);
    }
}
