using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Tests.Admin;
using Console.Tests.Support;

namespace Console.Tests.Sales;

/// <summary>
/// A period ending today is compared with the previous one up to the same time of day, over a real store with a fixed
/// clock: 03:00 UTC on 31 March 2025 is 11:00 in Shanghai. A period of whole days compares whole days.
/// </summary>
public sealed class SalesComparisonTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 3, 31);
    private static readonly DateOnly Yesterday = Today.AddDays(-1);

    private readonly TempStore _store = new();
    private readonly BusinessTime _time = new(new BusinessOptions());
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 31, 3, 0, 0, TimeSpan.Zero));
    private readonly SalesData _data;
    private readonly SalesDashboard _dashboard;

    public SalesComparisonTests()
    {
        _data = new SalesData(_store.Db, seed: 5);
        _dashboard = new SalesDashboard(_store.Db, new SalesSummary(_store.Db), new LiveFunnel(_store.Db, _time), _time, _clock);
    }

    public void Dispose() => _store.Dispose();

    /// <summary>A business-time (Shanghai, UTC+8) clock time as the UTC instant the store keeps.</summary>
    private static DateTime At(DateOnly day, int hour, int minute = 0, int second = 0) =>
        day.ToDateTime(new TimeOnly(hour, minute, second), DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public async Task Today_at_eleven_is_compared_with_yesterday_until_eleven_with_refunds_and_payers_counted_as_the_rollups_count_them()
    {
        await _data.SeedCatalogAsync(customers: 10, courses: 3);
        var early = await _data.AddOrderAsync(1, 1, "storefront", 10_000, 0, At(Yesterday, 9));
        await _data.AddOrderAsync(1, 2, "douyin", 3_000, 0, At(Yesterday, 10, 59, 59));
        var late = await _data.AddOrderAsync(2, 2, "douyin", 20_000, 0, At(Yesterday, 13));
        await _data.AddOrderAsync(3, 1, "storefront", 5_000, 0, At(Today, 10));
        // Refunds count against the day the order was paid, whenever they come (as in daily_sales).
        await _data.RefundAsync(early, full: false, at: At(Yesterday, 18));
        await _data.RefundAsync(late, full: true, at: At(Yesterday, 14));
        await new RollupDailySales(_store.Db, _time).RunAsync();

        var figures = await _dashboard.GetAsync(SalesPeriod.For(PeriodPreset.Today, Today));

        Assert.Equal(new TimeOnly(11, 0), figures.Cut!.Clock);
        Assert.Equal(1, figures.Current.Totals.Orders);
        Assert.Equal(5_000, figures.Current.Totals.NetRevenue);
        Assert.Equal(2, figures.Previous.Orders);
        Assert.Equal(13_000, figures.Previous.Gross);
        Assert.Equal(10_000 / 3, figures.Previous.Refunded);
        Assert.Equal(1, figures.Previous.RefundedOrders);
        Assert.Equal(1, figures.Previous.PayingCustomers);
        var day = Assert.Single(figures.Previous.RevenueByDay);
        Assert.Equal(new DayRevenue(Yesterday, 13_000 - 10_000 / 3, 2), day);
        Assert.Equal(24, figures.Hours.Count);
        Assert.Equal(1, figures.Hours[10].Orders);
        Assert.Equal(1, figures.Hours.Sum(h => h.Orders));

        // Yesterday as a range of its own ends before today: it is whole, and so is the day before it.
        var whole = await _dashboard.GetAsync(SalesPeriod.Custom(Yesterday, Yesterday));
        Assert.Null(whole.Cut);
        Assert.Equal(3, whole.Current.Totals.Orders);
        Assert.Equal(2, whole.Current.Totals.PayingCustomers);
        Assert.Equal(Yesterday.AddDays(-1), Assert.Single(whole.Previous.RevenueByDay).Day);
    }

    [Fact]
    public async Task Last_seven_days_compare_six_whole_days_and_today_with_the_seven_before_the_last_cut_at_the_same_time()
    {
        await _data.SeedCatalogAsync(customers: 10, courses: 3);
        var lastPreviousDay = Today.AddDays(-7);
        await _data.AddOrderAsync(1, 1, "storefront", 1_000, 0, At(lastPreviousDay, 9));
        await _data.AddOrderAsync(2, 1, "storefront", 2_000, 0, At(lastPreviousDay, 13));
        await _data.AddOrderAsync(3, 1, "storefront", 4_000, 0, At(Today.AddDays(-11), 23, 30));
        await _data.AddOrderAsync(4, 1, "storefront", 8_000, 0, At(Today.AddDays(-3), 15));
        await new RollupDailySales(_store.Db, _time).RunAsync();

        var week = await _dashboard.GetAsync(SalesPeriod.For(PeriodPreset.Last7Days, Today));

        Assert.NotNull(week.Cut);
        Assert.Equal(new SalesPeriod(Today.AddDays(-13), lastPreviousDay), week.Period.Previous);
        Assert.Equal(2, week.Previous.Orders);
        Assert.Equal(5_000, week.Previous.NetRevenue);
        Assert.Equal(7, week.Previous.RevenueByDay.Count);
        Assert.Equal(new DayRevenue(lastPreviousDay, 1_000, 1), week.Previous.RevenueByDay[^1]);
        Assert.Equal(8_000, week.Current.Totals.NetRevenue);
        Assert.Empty(week.Hours);

        // The same seven days ending yesterday compare whole days: the 13:00 order counts.
        var ended = await _dashboard.GetAsync(SalesPeriod.Custom(Today.AddDays(-7), Yesterday));
        Assert.Null(ended.Cut);
        Assert.Equal(new SalesPeriod(Today.AddDays(-14), Today.AddDays(-8)), ended.Period.Previous);
        Assert.Equal(3, ended.Current.Totals.Orders);
        Assert.Equal(11_000, ended.Current.Totals.NetRevenue);
        Assert.Equal(4_000, ended.Previous.NetRevenue);
    }

    [Fact]
    public async Task The_live_funnel_of_a_cut_day_counts_sessions_begun_and_what_happened_before_the_cut()
    {
        await _data.SeedCatalogAsync(customers: 10, courses: 2);
        var funnel = new LiveFunnelData(_store.Db);
        var morning = await funnel.AddSessionAsync("y-morning", At(Yesterday, 8));
        await funnel.AddEventAsync(1, morning, "chat", at: At(Yesterday, 8, 30));
        await funnel.AddEventAsync(2, morning, "page_view", at: At(Yesterday, 12));
        await funnel.AddOrderAsync(2, morning, at: At(Yesterday, 12, 30));
        var afternoon = await funnel.AddSessionAsync("y-afternoon", At(Yesterday, 14));
        await funnel.AddEventAsync(3, afternoon, "chat", at: At(Yesterday, 14, 10));
        var today = await funnel.AddSessionAsync("t-morning", At(Today, 9));
        await funnel.AddEventAsync(4, today, "chat", at: At(Today, 9, 10));
        await funnel.AddEventAsync(5, today, "page_view", at: At(Today, 9, 20));
        await funnel.AddOrderAsync(5, today, at: At(Today, 9, 30));
        await new RollupLiveFunnel(_store.Db, _clock).RunAsync();

        var figures = await _dashboard.GetAsync(SalesPeriod.For(PeriodPreset.Today, Today));

        Assert.Equal(new LiveFunnelTotals(Yesterday, Yesterday, Sessions: 1, Viewers: 1, Engaged: 1, Buyers: 0), figures.PreviousFunnel);
        Assert.Equal(new LiveFunnelTotals(Today, Today, Sessions: 1, Viewers: 2, Engaged: 1, Buyers: 1), figures.Funnel);
        var wholeDay = await new LiveFunnel(_store.Db, _time).GetAsync(Yesterday, Yesterday);
        Assert.Equal(new LiveFunnelTotals(Yesterday, Yesterday, Sessions: 2, Viewers: 3, Engaged: 2, Buyers: 1), wholeDay);
        // A cut at the day's end reads the same numbers from events and orders as the funnel rows hold.
        var untilMidnight = new DayWindow(Yesterday, _time.StartOfDayUtc(Yesterday), _time.StartOfDayUtc(Today));
        Assert.Equal(wholeDay, await new LiveFunnel(_store.Db, _time).GetAsync(Yesterday, Yesterday, untilMidnight));
    }

    [Fact]
    public async Task A_day_read_from_orders_up_to_its_end_equals_the_rollup_of_that_day()
    {
        await _data.SeedCatalogAsync(customers: 60, courses: 8);
        await _data.AddOrdersAsync(400, days: 20);
        await _data.AddRefundsAsync(50);
        await new RollupDailySales(_store.Db, _time).RunAsync(chunkSize: 70);
        var summary = new SalesSummary(_store.Db);

        for (var day = new DateOnly(2025, 3, 2); day <= new DateOnly(2025, 3, 18); day = day.AddDays(4))
        {
            var rolled = (await summary.GetAsync(day.AddDays(3), day.AddDays(5))).Previous;
            var window = new DayWindow(day.AddDays(2), _time.StartOfDayUtc(day.AddDays(2)), _time.StartOfDayUtc(day.AddDays(3)));
            var read = (await summary.GetAsync(day.AddDays(3), day.AddDays(5), window)).Previous;

            Assert.True(rolled.Orders > 10, $"{day}: {rolled.Orders} orders");
            Assert.Equal(rolled with { RevenueByDay = [] }, read with { RevenueByDay = [] });
            Assert.Equal(rolled.RevenueByDay, read.RevenueByDay);
        }
    }

    [Fact]
    public void The_cut_is_the_business_clock_now_and_applies_only_to_a_period_ending_today()
    {
        var cut = DayCut.For(SalesPeriod.For(PeriodPreset.Last30Days, Today), _time, _clock.GetUtcNow().UtcDateTime)!;
        Assert.Equal(new TimeOnly(11, 0), cut.Clock);
        Assert.Equal(TimeSpan.FromHours(11), cut.IntoDay);
        Assert.Equal(new DayWindow(Yesterday, At(Yesterday, 0), At(Yesterday, 11)), cut.Window(Yesterday, _time));
        Assert.Null(DayCut.For(SalesPeriod.Custom(Today.AddDays(-9), Yesterday), _time, _clock.GetUtcNow().UtcDateTime));
    }
}
