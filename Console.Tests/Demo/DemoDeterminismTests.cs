using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Demo;

public sealed class DemoDeterminismTests
{
    [Fact]
    public async Task The_same_seed_twice_gives_identical_rows_in_every_table()
    {
        using var first = new TempStore();
        using var second = new TempStore();
        var a = await DemoTestData.SeedAsync(first, customers: 400, days: 14, seed: 7);
        var b = await DemoTestData.SeedAsync(second, customers: 400, days: 14, seed: 7);

        Assert.True(a.Seeded);
        Assert.Equal((a.Customers, a.Sessions, a.Events, a.Orders, a.Refunds), (b.Customers, b.Sessions, b.Events, b.Orders, b.Refunds));
        Assert.True(a.Events > 1_000, $"only {a.Events} events");
        Assert.True(a.Orders > 20, $"only {a.Orders} orders");
        Assert.Equal(DemoTestData.HashAll(first.Db), DemoTestData.HashAll(second.Db));
        Assert.Equal(DemoTestData.Contacts(first), DemoTestData.Contacts(second));
    }

    [Fact]
    public async Task A_different_seed_gives_different_rows()
    {
        using var first = new TempStore();
        using var second = new TempStore();
        await DemoTestData.SeedAsync(first, customers: 400, days: 14, seed: 7);
        await DemoTestData.SeedAsync(second, customers: 400, days: 14, seed: 8);

        var a = DemoTestData.HashAll(first.Db);
        var b = DemoTestData.HashAll(second.Db);
        // The catalogue is fixed; everything people do depends on the seed.
        Assert.Equal(a["courses"], b["courses"]);
        foreach (var table in new[] { "customers", "live_sessions", "events", "orders", "coupon_codes", "group_buy_teams", "group_buy_members" })
            Assert.NotEqual(a[table], b[table]);
    }

    [Fact]
    public async Task A_store_that_holds_customers_is_refused_and_left_unchanged()
    {
        using var store = new TempStore();
        using (var connection = store.Db.Open())
            connection.Execute("""
                INSERT INTO customers (external_id, email, created_at, updated_at) VALUES ('real-1', 'real@example.com', @now, @now)
                """, new { now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        var before = DemoTestData.HashAll(store.Db);

        var result = await DemoTestData.SeedAsync(store, customers: 50, days: 3, seed: 1);

        Assert.False(result.Seeded);
        Assert.Contains("customers", result.Refusal);
        Assert.Equal(before, DemoTestData.HashAll(store.Db));
    }
}
