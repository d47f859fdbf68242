using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Tests.Admin;

namespace Console.Tests.Sales;

public sealed class SalesPeriodTests
{
    private static readonly DateOnly Today = new(2025, 3, 31);

    [Theory]
    [InlineData(PeriodPreset.Today, "2025-03-31", "2025-03-31", "2025-03-30", "2025-03-30")]
    [InlineData(PeriodPreset.Last7Days, "2025-03-25", "2025-03-31", "2025-03-18", "2025-03-24")]
    [InlineData(PeriodPreset.Last30Days, "2025-03-02", "2025-03-31", "2025-01-31", "2025-03-01")]
    [InlineData(PeriodPreset.Last90Days, "2025-01-01", "2025-03-31", "2024-10-03", "2024-12-31")]
    public void Presets_end_today_and_the_previous_period_has_the_same_length_just_before(
        PeriodPreset preset, string from, string to, string previousFrom, string previousTo)
    {
        var period = SalesPeriod.For(preset, Today);

        Assert.Equal(new SalesPeriod(DateOnly.Parse(from), DateOnly.Parse(to)), period);
        Assert.Equal(new SalesPeriod(DateOnly.Parse(previousFrom), DateOnly.Parse(previousTo)), period.Previous);
        Assert.Equal(period.Days, period.Previous.Days);
    }

    [Fact]
    public void Custom_ranges_take_either_order_and_are_clipped_to_the_longest_allowed()
    {
        Assert.Equal(new SalesPeriod(new(2025, 2, 1), new(2025, 2, 10)), SalesPeriod.Custom(new(2025, 2, 10), new(2025, 2, 1)));
        var longest = SalesPeriod.Custom(new(2020, 1, 1), Today);
        Assert.Equal(SalesPeriod.MaxDays, longest.Days);
        Assert.Equal(Today, longest.To);
        Assert.Throws<ArgumentOutOfRangeException>(() => SalesPeriod.For(PeriodPreset.Custom, Today));
    }

    [Fact]
    public void Today_is_the_business_time_zone_day()
    {
        var time = new BusinessTime(new BusinessOptions());
        // 16:30 UTC on the 30th is already 00:30 on the 31st in Shanghai.
        var clock = new ManualClock(new DateTimeOffset(2025, 3, 30, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(Today, SalesPeriod.Today(time, clock));
        clock.Advance(TimeSpan.FromHours(-1));
        Assert.Equal(Today.AddDays(-1), SalesPeriod.Today(time, clock));
    }

    [Theory]
    [InlineData(120, 100, DeltaDirection.Up, 0.2)]
    [InlineData(80, 100, DeltaDirection.Down, -0.2)]
    [InlineData(100, 100, DeltaDirection.Flat, 0.0)]
    [InlineData(0, 100, DeltaDirection.Down, -1.0)]
    [InlineData(-50, -100, DeltaDirection.Up, 0.5)]
    [InlineData(-150, -100, DeltaDirection.Down, -0.5)]
    public void Deltas_compare_against_the_size_of_the_previous_figure(double current, double previous, DeltaDirection direction, double percent)
    {
        var delta = new KpiDelta(current, previous);
        Assert.Equal(direction, delta.Direction);
        Assert.Equal(percent, delta.Percent!.Value, 9);
    }

    [Fact]
    public void A_previous_figure_of_zero_has_no_percent()
    {
        Assert.Null(new KpiDelta(10, 0).Percent);
        Assert.Equal(DeltaDirection.Up, new KpiDelta(10, 0).Direction);
        Assert.Null(new KpiDelta(0, 0).Percent);
        Assert.Equal(DeltaDirection.Flat, new KpiDelta(0, 0).Direction);
    }
}
