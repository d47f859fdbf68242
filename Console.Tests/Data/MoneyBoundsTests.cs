using System.Net;
using System.Net.Http.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Console.Tests.Data;

public sealed class MoneyBoundsTests
{
    // More orders than a course seller records in its whole life: the population of a large province buying every course.
    private const long OrdersEver = 100_000_000;

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("0.01", 1L)]
    [InlineData("1299.5", 129_950L)]
    [InlineData("100000000", 10_000_000_000L)]
    [InlineData("100000000.00", 10_000_000_000L)]
    public void Amounts_from_zero_to_the_bound_with_two_decimals_become_fen(string text, long fen)
    {
        Assert.True(MoneyBounds.Default.TryParse(text, out var parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("100000000.01", "100000000")]
    [InlineData("92233720368547758.07", "100000000")]
    [InlineData("-0.01", "100000000")]
    [InlineData("1e20", "100000000")]
    [InlineData("1000.01", "1000")]
    [InlineData("1000.5", "1000.25")]
    public void Amounts_past_the_bound_are_refused_with_the_range(string text, string max)
    {
        var bounds = new MoneyBounds(Amount(max));
        Assert.False(bounds.TryParse(text, out var fen));
        Assert.Equal(0, fen);
        Assert.False(bounds.TryToFen(Amount(text), out _, out var code, out var args));
        Assert.Equal(FieldCodes.Between, code);
        Assert.Equal(["0", max], args);
    }

    [Fact]
    public void A_third_decimal_is_refused_even_when_it_is_zero_worth_of_fen_short_of_the_bound()
    {
        Assert.False(MoneyBounds.Default.TryToFen(1.005m, out _, out var code, out _));
        Assert.Equal(FieldCodes.TooManyDecimals, code);
        Assert.False(MoneyBounds.Default.TryParse("99999999.999", out _));
        Assert.True(MoneyBounds.Default.TryParse("1.500", out var fen));   // trailing zeros carry no fen
        Assert.Equal(150, fen);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000000.01")]
    [InlineData("1000.001")]
    public void A_bound_setting_outside_what_the_sums_are_proven_for_is_refused(string max)
    {
        Assert.False(MoneyBounds.IsValidMax(Amount(max)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoneyBounds(Amount(max)));
    }

    [Fact]
    public void The_largest_amounts_summed_over_every_order_a_shop_could_record_stay_below_long_max()
    {
        var most = MoneyBounds.Default.MaxFen;
        Assert.Equal(10_000_000_000, most);

        // 10^10 fen × 10^8 orders = 10^18 fen, about a ninth of long.MaxValue (9.22 × 10^18): no sum of allowed amounts can wrap.
        var gross = checked(most * OrdersEver);
        Assert.Equal(1_000_000_000_000_000_000, gross);
        Assert.Equal(922_337_203, long.MaxValue / most);
        Assert.True(long.MaxValue / most > 9 * OrdersEver);

        // The rollup's checked sum reaches that figure exactly when the hundred-millionth top-price order is added.
        var day = new DateOnly(2026, 1, 1);
        var almost = new DailySalesRow(day, 1, "live", OrdersEver - 1, most * (OrdersEver - 1), most * (OrdersEver - 1), most * (OrdersEver - 1),
            OrdersEver - 1, OrdersEver - 1);
        var one = DailySalesRow.ForOrder(day, 1, "live", most, most, live: true);
        var sum = almost.Plus(one);
        Assert.Equal((OrdersEver, gross, gross, OrdersEver), (sum.Orders, sum.Gross, sum.Discount, sum.LiveOrders));
    }

    [Fact]
    public void Rollup_sums_are_checked_so_a_total_past_long_max_throws_instead_of_turning_negative()
    {
        var day = new DateOnly(2026, 1, 1);
        var huge = DailySalesRow.ForOrder(day, 1, "live", long.MaxValue, 0, live: false);
        Assert.Throws<OverflowException>(() => huge.Plus(DailySalesRow.ForOrder(day, 1, "live", 1, 0, live: false)));
        Assert.Throws<OverflowException>(() => new RollupResult(int.MaxValue, 0, 1).Plus(new RollupResult(1, 0, 1)));
    }

    [Fact]
    public async Task Sqlite_sum_over_integers_raises_on_overflow_rather_than_wrapping()
    {
        using var store = new TempStore();
        await using var connection = await store.Db.OpenAsync();
        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteScalarAsync<long>(
            "SELECT SUM(x) FROM (SELECT @big AS x UNION ALL SELECT @big)", new { big = long.MaxValue }));
        Assert.Contains("integer overflow", error.Message);
        Assert.Equal(2 * 10_000_000_000L, await connection.ExecuteScalarAsync<long>(
            "SELECT SUM(x) FROM (SELECT @most AS x UNION ALL SELECT @most)", new { most = MoneyBounds.Default.MaxFen }));
    }

    [Fact]
    public async Task A_lower_business_max_amount_bounds_the_api_and_its_messages_give_that_bound()
    {
        using var app = new ConsoleApp(new() { ["Business:MaxAmount"] = "1000" });
        using var manage = await app.ClientWithKeyAsync(ApiKeyScope.Manage);

        var courses = await manage.PostAsJsonAsync("/api/v1/courses", new object[]
        {
            new { externalId = "c-1000", title = "At the bound", listPrice = 1000m },
            new { externalId = "c-1000.01", title = "Past it", listPrice = 1000.01m },
        });
        var body = await courses.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(1, body.GetProperty("upserted").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected")[0].GetProperty("index").GetInt32());

        var campaign = await manage.PostAsJsonAsync("/api/v1/coupon-campaigns", new { name = "x", kind = "amount_off", value = 5, budget = 1000.01m });
        Assert.Equal(HttpStatusCode.BadRequest, campaign.StatusCode);
        var errors = (await campaign.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.Equal("Must be between 0 and 1000.", errors.GetProperty("budget")[0].GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100000000.01")]
    [InlineData("12.345")]
    public void A_business_max_amount_that_cannot_hold_is_refused_at_start(string setting)
    {
        using var app = new ConsoleApp(new() { ["Business:MaxAmount"] = setting });
        var error = Record.Exception(() => app.CreateClient());
        Assert.NotNull(error);
        Assert.Contains("Business:MaxAmount", error.ToString());
    }

    private static decimal Amount(string text) =>
        decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
