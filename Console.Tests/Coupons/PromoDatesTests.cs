using System.Globalization;
using Console.Web.Components.Pages.Coupons;
using Console.Web.Components.Shared;
using Console.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Console.Tests.Coupons;

/// <summary>A date-only end is stored as the next midnight and read back as the day that was entered.</summary>
public sealed class PromoDatesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly PromoFormat English = new(CultureInfo.GetCultureInfo("en-US"), "CNY", Shanghai);
    private static readonly PromoFormat Chinese = new(CultureInfo.GetCultureInfo("zh-Hans"), "CNY", Shanghai);

    [Fact]
    public void An_end_entered_as_31_december_is_stored_as_the_next_midnight_and_shown_as_31_december()
    {
        var stored = CouponForm.Utc(new DateTime(2026, 12, 31), null, Shanghai, endOfDay: true);
        Assert.Equal("2026-12-31T16:00:00Z", stored);
        var utc = DateTime.Parse(stored!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        Assert.Equal("31 Dec 2026", English.End(utc));
        Assert.Equal("2026年12月31日", Chinese.End(utc));
        Assert.Equal("1 Jan 2027", English.Start(utc));
    }

    [Fact]
    public void An_end_with_a_time_shows_its_time_in_business_time()
    {
        var utc = new DateTime(2026, 12, 31, 10, 30, 0, DateTimeKind.Utc);
        Assert.Equal("31 Dec 2026 18:30", English.End(utc));
    }

    [Fact]
    public void The_window_says_to_and_from_in_words_of_each_language()
    {
        var start = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var words = services.GetRequiredService<IStringLocalizer<Strings>>();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("1 Dec 2026 to 31 Dec 2026", English.Window(start, end, words));
            Assert.Equal("to 31 Dec 2026", English.Window(null, end, words));
            Assert.Equal("no end", English.Window(null, null, words));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            Assert.Equal("2026年12月1日 至 2026年12月31日", Chinese.Window(start, end, words));
        }
        finally { CultureInfo.CurrentUICulture = saved; }
    }

    [Fact]
    public void Editing_a_date_only_end_shows_the_day_entered_with_no_time()
    {
        var end = new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        var campaign = new Console.Domain.Coupons.CouponCampaign(1, "Year end", "percent_off", 1000, null, null, [], [], "everyone", [],
            null, end, null, null, null, 0, false, 0, "active", false, null, null, 0, 0, 0, "YE", 0, 0, end, end);

        var form = CouponForm.From(campaign, Shanghai);

        Assert.Equal((new DateTime(2026, 12, 31), (TimeSpan?)null), (form.EndDate, form.EndTime));
        Assert.Equal("2026-12-31T16:00:00Z", CouponForm.Utc(form.EndDate, form.EndTime, Shanghai, endOfDay: true));
    }
}
