using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Console.Jobs;
using Console.Web.Cli;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>
/// A marketer signs a KOL up with a contract and a tracked link; a buyer comes through the link and pays; a manager sees
/// the commission, approves the month's payout and downloads it for the bank.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class PartnersFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    [Fact]
    public async Task A_marketer_signs_a_kol_an_order_comes_through_its_link_and_a_manager_pays_the_commission()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var name = "KOL " + run;
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/partners/kols");

        await page.Locator("[data-testid=kol-new]").ClickAsync();
        await page.Locator("input[data-testid=kol-name]").FillAsync(name);
        await page.Locator("input[data-testid=kol-external-id]").FillAsync("kol-e2e-" + run);
        await page.Locator("[data-testid=kol-save]").ClickAsync();
        await Expect(page).ToHaveURLAsync(KolUrl());
        var kolId = long.Parse(KolUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Ui.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=kol-title]")).ToHaveTextAsync(name);

        // A contract from yesterday at 10%, with no holding period so that the settlement can approve at once.
        var yesterday = DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var starts = page.Locator("input[data-testid=contract-starts], [data-testid=contract-starts] input").First;
        await starts.FillAsync(yesterday);
        await starts.PressAsync("Tab");
        await page.Locator("input[data-testid=contract-rate], [data-testid=contract-rate] input").First.FillAsync("10");
        await Ui.Field(page, "Holding period (days)").FillAsync("0");
        await page.Locator("[data-testid=contract-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=contract]")).ToHaveCountAsync(1);

        // The marketer edits it: a per-course rate for the most expensive course. A second contract from the same day is
        // refused beside its period.
        var course = await MostExpensiveCourseAsync();
        await page.Locator("[data-testid=contract-edit]").ClickAsync();
        var edit = page.Locator("[data-testid=contract-edit-form]");
        await edit.Locator("[data-testid=course-rate-add]").ClickAsync();
        await Ui.PickAsync(page, "Course", $"({course})");
        await edit.Locator("input[data-testid=course-rate-value], [data-testid=course-rate-value] input").First.FillAsync("15");
        await edit.Locator("[data-testid=contract-save]").ClickAsync();
        await Expect(edit).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=contract-course-rate]")).ToContainTextAsync($"{course}: 15%");
        var again = page.Locator("[data-testid=contract-editor]");
        var againStarts = again.Locator("input[data-testid=contract-starts], [data-testid=contract-starts] input").First;
        await againStarts.FillAsync(yesterday);
        await againStarts.PressAsync("Tab");
        await again.Locator("input[data-testid=contract-rate], [data-testid=contract-rate] input").First.FillAsync("5");
        await again.Locator("[data-testid=contract-save]").ClickAsync();
        await Expect(again).ToContainTextAsync("This period overlaps the contract");
        await Expect(page.Locator("[data-testid=contract]")).ToHaveCountAsync(1);

        await page.Locator("input[data-testid=link-destination], [data-testid=link-destination] input").First
            .FillAsync("https://shop.example.com/courses/python?src=kol");
        await page.Locator("[data-testid=link-add]").ClickAsync();
        var url = page.Locator("[data-testid=link-url]");
        await Expect(url).ToHaveCountAsync(1);
        var linkCode = (await url.InnerTextAsync()).Split("/r/")[1].Trim();

        // Paused, after a confirmation, the link answers 404; resumed, it redirects again.
        using (var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Server.Address })
        {
            await page.Locator("[data-testid=link-toggle]").ClickAsync();
            await page.Locator(".mud-dialog button").Filter(new() { HasText = "Pause" }).ClickAsync();
            await Expect(page.Locator("[data-testid=link-status]")).ToContainTextAsync("Paused");
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/r/{linkCode}")).StatusCode);
            await page.Locator("[data-testid=link-toggle]").ClickAsync();
            await page.Locator(".mud-dialog button").Filter(new() { HasText = "Resume" }).ClickAsync();
            await Expect(page.Locator("[data-testid=link-status]")).ToContainTextAsync("Active");
        }

        var (orderId, payable) = await BuyThroughLinkAsync(linkCode, kolId, run);
        var settled = new StringWriter();
        Assert.Equal(0, await CliVerbs.RunAsync(["jobs", "run", RecurringJobs.SettleCommissions,
            $"--Database:Path={app.Server.DatabasePath}"], settled, new StringWriter()));

        await Ui.SignOutAsync(page);
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, $"/partners/kols/{kolId}");
        // The course bought has its own 15% rate in the edited contract, which beats the contract's 10%.
        var commission = Math.Round(payable * 0.15m, 2, MidpointRounding.AwayFromZero);
        var shown = "¥" + commission.ToString("N2", CultureInfo.GetCultureInfo("en-US"));
        await Expect(page.Locator("[data-testid=kol-lines]")).ToContainTextAsync(orderId);
        await Expect(page.Locator("[data-testid=line-amount]").First).ToHaveTextAsync(shown);

        await Ui.GotoAsync(page, "/partners/payouts");
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var period = page.Locator("input[data-testid=payout-period], [data-testid=payout-period] input").First;
        await period.FillAsync(today);
        await period.PressAsync("Tab");
        await page.Locator("[data-testid=payout-draft]").ClickAsync();
        var payout = page.Locator("[data-testid=payout]").First;
        await Expect(payout.Locator("[data-testid=payout-status]")).ToHaveTextAsync("Draft");
        await Expect(payout).ToContainTextAsync(name);
        await payout.Locator("[data-testid=payout-approve]").ClickAsync();
        await page.Locator(".mud-dialog button").Filter(new() { HasText = "Approve" }).ClickAsync();
        await Expect(payout.Locator("[data-testid=payout-status]")).ToHaveTextAsync("Approved");

        var download = await page.RunAndWaitForDownloadAsync(() => payout.Locator("[data-testid=payout-csv]").ClickAsync());
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("kol,name,account,amount,lines", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"kol-e2e-{run},{name},,", StringComparison.Ordinal)
            && l.EndsWith($",{commission.ToString("0.00", CultureInfo.InvariantCulture)},1", StringComparison.Ordinal));
        await using var c = await app.Server.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payout.approve' AND actor = 'manager@demo.local'"));
    }

    /// <summary>As a buyer's browser and the storefront would: follow the link, land with cc_click, pay with it.</summary>
    private async Task<(string OrderId, decimal Payable)> BuyThroughLinkAsync(string linkCode, long kolId, string run)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Server.Address };
        var redirect = await browser.GetAsync($"/r/{linkCode}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("shop.example.com", redirect.Headers.Location!.Host);
        var clickId = ClickId().Match(redirect.Headers.Location.Query).Groups[1].Value;

        using var api = await app.Server.ClientWithKeyAsync("storefront-partners-e2e");
        var course = await MostExpensiveCourseAsync();
        var orderId = "kol-e2e-order-" + run;
        var response = await api.PostAsJsonAsync("/api/v1/orders",
            new { orderId, customerExternalId = "kol-e2e-buyer-" + run, courseExternalId = course, clickId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(kolId, order.GetProperty("attribution").GetProperty("kolId").GetInt64());
        Assert.Equal("link", order.GetProperty("attribution").GetProperty("via").GetString());
        return (orderId, order.GetProperty("payable").GetDecimal());
    }

    private async Task<string> MostExpensiveCourseAsync()
    {
        await using var c = await app.Server.Db.OpenAsync();
        return await c.QueryFirstAsync<string>("SELECT external_id FROM courses ORDER BY list_price DESC, id");
    }

    [GeneratedRegex(@"/partners/kols/(\d+)$")]
    private static partial Regex KolUrl();

    [GeneratedRegex("cc_click=([0-9a-f]+)")]
    private static partial Regex ClickId();
}
