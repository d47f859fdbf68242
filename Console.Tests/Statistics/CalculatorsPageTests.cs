using System.Globalization;
using Bunit;
using Console.Tests.Support;
using Console.Web.Components.Pages.Statistics;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Console.Tests.Statistics;

/// <summary>The calculators page computes with the engine and shows refusals next to the field, in English and Chinese.</summary>
public sealed class CalculatorsPageTests : UiContext
{
    public CalculatorsPageTests() : base(migrate: false) => AddAuthorization().SetAuthorized("m@x.io");

    private IRenderedComponent<CalculatorsPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        return Render<CalculatorsPage>();
    }

    private static async Task SetAsync<T>(IRenderedComponent<CalculatorsPage> page, string testId, T value)
    {
        var field = page.FindComponents<MudNumericField<T>>()
            .Single(c => c.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == testId);
        await field.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    private static string Text(IRenderedComponent<CalculatorsPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    /// <summary>The error text shown beneath each field in error, by the field's test id.</summary>
    private static Dictionary<string, string> Errors(IRenderedComponent<CalculatorsPage> page) =>
        page.FindAll(".mud-input-control.mud-input-error").ToDictionary(
            c => c.QuerySelector("[data-testid]")!.GetAttribute("data-testid")!,
            c => c.QuerySelector(".mud-input-helper-text")!.TextContent.Trim());

    [Fact]
    public void The_sample_size_of_the_defaults_is_the_references_with_the_days_at_the_traffic()
    {
        var page = RenderPage();
        page.Find("[data-testid=size-calculate]").Click();
        // 10 % baseline, +10 % relative, 95 % confidence, 80 % power: 14,313 per variant (reference.json), 28,626 at 1,000 a day.
        var answer = Text(page, "size-answer");
        Assert.Contains("14,313", answer);
        Assert.Contains("28,626", answer);
        Assert.Contains("29", answer);
        Assert.Contains("29 days", Text(page, "size-summary"));
    }

    [Fact]
    public async Task Checking_numbers_shows_z_p_interval_and_chance_to_win()
    {
        var page = RenderPage();
        await SetAsync<long?>(page, "control-n", 10000);
        await SetAsync<long?>(page, "control-conversions", 1000);
        await SetAsync<long?>(page, "treatment-n", 10000);
        await SetAsync<long?>(page, "treatment-conversions", 1100);
        page.Find("[data-testid=check-calculate]").Click();

        // The reference's "typical" case: z 2.3066, p 0.02108, absolute +1.00 pts (0.15 to 1.85), relative +10 % (1.1 % to 18.9 %).
        Assert.Equal("2.307", Text(page, "z"));
        Assert.Equal("0.0211", Text(page, "p"));
        Assert.Equal("+1.00 pts (+0.15 to +1.85)", Text(page, "absolute"));
        Assert.Equal("+10.0% (+1.1% to +18.9%)", Text(page, "relative"));
        Assert.Equal("98.6%", Text(page, "chance"));
        Assert.Contains("is significant at 95%", Text(page, "verdict"));
        Assert.Empty(Errors(page));
    }

    [Fact]
    public async Task A_control_without_conversions_and_more_conversions_than_users_are_told_next_to_their_fields()
    {
        var page = RenderPage();
        await SetAsync<long?>(page, "control-n", 500);
        await SetAsync<long?>(page, "control-conversions", 0);
        await SetAsync<long?>(page, "treatment-n", 500);
        await SetAsync<long?>(page, "treatment-conversions", 12);
        page.Find("[data-testid=check-calculate]").Click();
        Assert.Equal(new Dictionary<string, string> { ["control-conversions"] = "The control's rate or mean is 0 (or too close to it), so no relative effect exists." },
            Errors(page));
        Assert.Empty(page.FindAll("[data-testid=check-answer]"));

        await SetAsync<long?>(page, "control-conversions", 5);
        await SetAsync<long?>(page, "treatment-conversions", 501);
        page.Find("[data-testid=check-calculate]").Click();
        Assert.Equal(new Dictionary<string, string> { ["treatment-conversions"] = "More conversions than users." }, Errors(page));
    }

    [Fact]
    public async Task Errors_are_in_chinese_for_a_chinese_reader_and_the_baseline_is_bounded_in_percent()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            var page = RenderPage();
            await SetAsync<double?>(page, "baseline", 120);
            await SetAsync<long?>(page, "traffic", null);
            page.Find("[data-testid=size-calculate]").Click();
            Assert.Equal(new Dictionary<string, string> { ["traffic"] = "必填。" }, Errors(page));

            await SetAsync<long?>(page, "traffic", 500);
            page.Find("[data-testid=size-calculate]").Click();
            Assert.Equal(new Dictionary<string, string> { ["baseline"] = "必须大于 0 且小于 100。" }, Errors(page));
            Assert.Empty(page.FindAll("[data-testid=size-answer]"));
        }
        finally { CultureInfo.CurrentUICulture = culture; }
    }
}
