using Console.Domain.Data;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Data;

public sealed class StoreBasicsTests
{
    [Fact]
    public async Task Times_come_back_as_utc_and_sort_in_time_order()
    {
        using var store = new TempStore();
        await using var connection = await store.Db.OpenAsync();
        var early = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var late = early.AddMilliseconds(1500);
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (at, actor, action, entity) VALUES (@at, 'test', 'a', 'e')", new[] { new { at = late }, new { at = early } });

        var times = (await connection.QueryAsync<DateTime>("SELECT at FROM audit_log ORDER BY at")).ToList();

        Assert.Equal([early, late], times);
        Assert.All(times, t => Assert.Equal(DateTimeKind.Utc, t.Kind));
    }

    [Fact]
    public void Sqlite_store_runs_in_wal_mode()
    {
        using var store = new TempStore();
        using var connection = store.Db.Open();
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Theory]
    [InlineData("199.00", 19900L)]
    [InlineData("0.01", 1L)]
    [InlineData("1299", 129900L)]
    public void Money_converts_decimals_with_two_places_to_fen(string amount, long fen)
    {
        Assert.True(Money.TryToFen(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), out var result));
        Assert.Equal(fen, result);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Money.ToDecimal(fen));
    }

    [Fact]
    public void Money_refuses_a_third_decimal_place() => Assert.False(Money.TryToFen(1.005m, out _));

    [Fact]
    public void Business_days_are_cut_in_the_business_time_zone()
    {
        var time = new BusinessTime(new BusinessOptions { TimeZone = "Asia/Shanghai" });
        Assert.Equal(new DateOnly(2026, 5, 2), time.DayOf(new DateTime(2026, 5, 1, 16, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 5, 1, 16, 0, 0, DateTimeKind.Utc), time.StartOfDayUtc(new DateOnly(2026, 5, 2)));
    }
}
