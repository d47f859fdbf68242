using Console.Domain.Data;
using Console.Domain.Experiments;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>A marketer puts two coupons against each other, starts the experiment, and reads its results.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ExperimentsFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    [Fact]
    public async Task A_marketer_creates_an_experiment_with_two_coupon_variants_starts_it_and_reads_its_results()
    {
        var key = "coupons-" + Guid.NewGuid().ToString("N")[..6];
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/insights/experiments/new");
        await Expect(page.Locator("input[data-testid=key]")).ToBeVisibleAsync();
        await Ui.WaitForCircuitAsync(page);
        await page.Locator("input[data-testid=key]").FillAsync(key);
        await page.Locator("input[data-testid=name]").FillAsync("Two coupons " + key);
        var chosen = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            // The variant's own select by its test id: a label filter also matches the select's inner parts, so Nth(1) was the first select again.
            await page.Locator($"[data-testid=variant-{i}] .mud-select").First.ClickAsync();
            var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Coupon campaign:" }).Nth(i);
            chosen.Add((await item.InnerTextAsync()).Trim());
            await item.ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }
        await page.Locator("[data-testid=save]").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.Server.Address.ToString().TrimEnd('/')}/insights/experiments/{key}");
        Assert.Equal(2, await ScalarAsync(
            "SELECT COUNT(*) FROM experiment_variants v JOIN experiments e ON e.id = v.experiment_id WHERE e.experiment_key = @key AND v.coupon_campaign_id IS NOT NULL", key));

        await Ui.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=start]").ClickAsync();
        // The dialog's button, once the dialog is open: before that the page's own Start button is the only match.
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("Running");

        // The storefront assigns customers and the hourly job stores the results; here both run against the server's store.
        var runner = new StatementRunner(app.Server.Db, new WriteGate(app.Server.Db));
        var assign = new AssignVariant(runner, TimeProvider.System);
        for (var i = 1; i <= 40; i++) Assert.IsType<AssignVariant.Outcome.Assigned>(await assign.ExecuteAsync(key, $"demo-c-{i:D6}"));
        await new RefreshExperimentResults(app.Server.Db, runner, TimeProvider.System, new BusinessTime(new BusinessOptions())).RefreshAsync(key);

        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=computed-at]")).ToBeVisibleAsync();
        var users = page.Locator("[data-testid=users]");
        await Expect(users).ToHaveCountAsync(2);
        var shown = (await users.AllInnerTextsAsync()).Sum(t => int.Parse(t, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40, shown);
        // Each variant names the coupon campaign it hands out, as the editor offered it.
        Assert.Equal(chosen.Order(), (await page.Locator("[data-testid=promotion]").AllInnerTextsAsync()).Select(t => t.Trim()).Order());
        await Screenshots.SaveAsync(page, "experiment-results");
    }

    private async Task<long> ScalarAsync(string sql, string key)
    {
        await using var connection = await app.Server.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { key });
    }
}
