using Bunit;
using Console.Domain.Experiments;
using Console.Domain.Segments;
using Console.Tests.Support;
using Console.Web.Components.Pages.Coupons;
using Console.Web.Components.Pages.Experiments;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Segments;

/// <summary>
/// The coupon and experiment editors offer a saved segment as the audience: each segment with how many customers it holds
/// now, a missing choice refused next to the field, and a picked one stored as the campaign's or experiment's audience.
/// </summary>
public sealed class SegmentAudienceEditorTests : CampaignEditorContext
{
    private readonly long _segmentId;

    public SegmentAudienceEditorTests()
    {
        Services.AddSingleton<SegmentQueries>();
        Services.AddSingleton<SegmentChoices>();
        Services.AddSingleton<CreateExperiment>();
        Services.AddSingleton<UpdateExperiment>();
        Services.AddSingleton<GetExperiment>();
        Services.AddSingleton<ExperimentChoices>();
        _segmentId = SeedOptedInSegment("a", "b");
    }

    [Fact]
    public async Task A_coupon_for_a_segment_needs_one_picked_shows_its_live_size_and_stores_it()
    {
        Render<MudPopoverProvider>();
        var page = Render<CouponEditorPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=save]")));
        await SetAsync<MudTextField<string>, string?>(page, "Name", "Members only", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<decimal?>, decimal?>(page, "Percent off (%)", 10m, f => f.ValueChanged, f => f.Label);
        await SetAsync<MudSelect<string>, string?>(page, "Audience", "segment", f => f.ValueChanged, f => f.Label);

        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Required.", page.FindAll(".mud-input-error").Select(e => e.TextContent.Trim())));
        await using (var connection = await Store.Db.OpenAsync())
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM coupon_campaigns"));

        await SetAsync<MudSelect<long?>, long?>(page, "Segment", _segmentId, f => f.ValueChanged, f => f.Label);
        page.WaitForAssertion(() => Assert.Contains("Opted in · 2 customers now", page.Markup));
        page.Find("[data-testid=save]").Click();

        await using var check = await Store.Db.OpenAsync();
        page.WaitForAssertion(() => Assert.Equal(_segmentId, check.ExecuteScalar<long?>(
            "SELECT s.segment_id FROM coupon_campaign_segments s JOIN coupon_campaigns c ON c.id = s.campaign_id WHERE c.name = 'Members only'")));
    }

    [Fact]
    public async Task An_experiment_for_a_segment_is_refused_without_one_in_chinese_and_stored_with_one()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
        try
        {
            Render<MudPopoverProvider>();
            var page = Render<ExperimentEditorPage>();
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=save]")));
            await SetAsync<MudTextField<string>, string?>(page, "标识", "members-test", f => f.ValueChanged, f => f.Label);
            await SetAsync<MudTextField<string>, string?>(page, "名称", "Members test", f => f.ValueChanged, f => f.Label);
            await SetAsync<MudSelect<string>, string?>(page, "受众", "segment", f => f.ValueChanged, f => f.Label);

            page.Find("[data-testid=save]").Click();
            page.WaitForAssertion(() => Assert.Contains("必填。", page.FindAll(".mud-input-error").Select(e => e.TextContent.Trim())));

            await SetAsync<MudSelect<long?>, long?>(page, "分群", _segmentId, f => f.ValueChanged, f => f.Label);
            page.WaitForAssertion(() => Assert.Contains("Opted in · 当前 2 位客户", page.Markup));
            page.Find("[data-testid=save]").Click();

            await using var check = await Store.Db.OpenAsync();
            page.WaitForAssertion(() => Assert.Equal(_segmentId, check.ExecuteScalar<long?>(
                "SELECT s.segment_id FROM experiment_segments s JOIN experiments e ON e.id = s.experiment_id WHERE e.experiment_key = 'members-test'")));
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = culture; }
    }
}
