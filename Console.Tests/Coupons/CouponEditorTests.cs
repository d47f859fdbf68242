using System.Globalization;
using Bunit;
using Console.Domain.Coupons;
using Console.Web.Components.Pages.Coupons;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Coupons;

/// <summary>The coupon editor asks the domain's own rules (the ones the API uses) and shows each error next to its field.</summary>
public sealed class CouponEditorTests : CampaignEditorContext
{
    [Fact]
    public async Task A_new_coupon_with_a_percentage_above_100_and_an_end_before_its_start_shows_both_errors_and_saves_nothing()
    {
        Render<MudPopoverProvider>();
        var page = Render<CouponEditorPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=save]")));
        await SetAsync<MudTextField<string>, string?>(page, "Name", "Too generous", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<decimal?>, decimal?>(page, "Percent off (%)", 150m, f => f.ValueChanged, f => f.Label);
        await SetAsync<MudDatePicker, DateTime?>(page, "Starts on", new DateTime(2025, 3, 10), f => f.DateChanged, f => f.Label);
        await SetAsync<MudDatePicker, DateTime?>(page, "Ends on", new DateTime(2025, 3, 1), f => f.DateChanged, f => f.Label);

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() =>
        {
            var errors = page.FindAll(".mud-input-error").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("A percentage is at most 100.", errors);
            Assert.Contains("Must be after the start.", errors);
        });
        Assert.Equal(0, (await Services.GetRequiredService<ListCouponCampaigns>().PageAsync(null, 0, 10)).Total);
    }

    [Fact]
    public async Task Money_past_the_bound_and_a_third_decimal_are_shown_next_to_their_fields_in_chinese_and_nothing_is_saved()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            Render<MudPopoverProvider>();
            var page = Render<CouponEditorPage>();
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=save]")));
            await SetAsync<MudTextField<string>, string?>(page, "名称", "Too rich", f => f.ValueChanged, f => f.Label);
            await SetAsync<MudNumericField<decimal?>, decimal?>(page, "最低消费", 92233720368547758.07m, f => f.ValueChanged, f => f.Label);
            await SetAsync<MudNumericField<decimal?>, decimal?>(page, "预算", 10.005m, f => f.ValueChanged, f => f.Label);

            page.Find("[data-testid=save]").Click();

            page.WaitForAssertion(() =>
            {
                var errors = page.FindAll(".mud-input-error").Select(e => e.TextContent.Trim()).ToList();
                Assert.Contains("必须在 0 到 100000000 之间。", errors);
                Assert.Contains("最多两位小数。", errors);
            });
        }
        finally { CultureInfo.CurrentUICulture = culture; }
        Assert.Equal(0, (await Services.GetRequiredService<ListCouponCampaigns>().PageAsync(null, 0, 10)).Total);
    }

    [Fact]
    public async Task Lowering_the_total_limit_below_the_uses_made_is_refused_next_to_the_field_in_chinese_too()
    {
        var created = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await Services.GetRequiredService<CreateCouponCampaign>()
            .ExecuteAsync(new CouponCampaignInput(Name: "Spring", Kind: "amount_off", Value: 20m, TotalLimit: 10, Status: "active"), "m@x.io"));
        await using (var connection = await Store.Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE coupon_campaigns SET uses = 2 WHERE id = @Id", new { created.Id });
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            Render<MudPopoverProvider>();
            var page = Render<CouponEditorPage>(p => p.Add(e => e.Id, created.Id));
            page.WaitForAssertion(() => Assert.Contains("Spring", page.Markup));
            await SetAsync<MudNumericField<long?>, long?>(page, "总使用次数", 1, f => f.ValueChanged, f => f.Label);

            page.Find("[data-testid=save]").Click();

            page.WaitForAssertion(() => Assert.Contains("不能少于已使用的 2 次。",
                page.FindAll(".mud-input-error").Select(e => e.TextContent.Trim())));
        }
        finally { CultureInfo.CurrentUICulture = culture; }
        var stored = await Services.GetRequiredService<GetCouponCampaign>().FindAsync(created.Id);
        Assert.Equal(10, stored!.TotalLimit);
    }
}
