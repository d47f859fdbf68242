using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Sales;

public sealed class RollupDailySalesTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly SalesData _data;
    private readonly RollupDailySales _rollup;
    private readonly RecomputeDailySales _recompute;

    public RollupDailySalesTests()
    {
        var time = new BusinessTime(new BusinessOptions());
        _data = new SalesData(_store.Db);
        _rollup = new RollupDailySales(_store.Db, time);
        _recompute = new RecomputeDailySales(_store.Db, time);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Rollup_equals_a_full_recomputation_and_stays_equal_as_orders_and_refunds_arrive()
    {
        await _data.SeedCatalogAsync();
        await _data.AddOrdersAsync(300);
        await _data.AddRefundsAsync(40);

        var first = await _rollup.RunAsync(chunkSize: 37);

        Assert.Equal(300, first.Orders);
        Assert.Equal(40, first.Refunds);
        Assert.True(first.Chunks >= 300 / 37);
        var stored = await _recompute.ReadStoredAsync();
        RollupAssert.Equal(await _recompute.ComputeAsync(), stored);
        Assert.Equal(300, stored.Sales.Sum(s => s.Orders));
        Assert.Equal(40, stored.Sales.Sum(s => s.RefundedOrders));
        Assert.Contains(stored.Sales, s => s.LiveOrders > 0);

        await _data.AddOrdersAsync(150, days: 45);
        await _data.AddRefundsAsync(30);
        var second = await _rollup.RunAsync(chunkSize: 37);

        Assert.Equal(150, second.Orders);
        Assert.Equal(30, second.Refunds);
        RollupAssert.Equal(await _recompute.ComputeAsync(), await _recompute.ReadStoredAsync());
    }

    [Fact]
    public async Task A_retried_run_changes_nothing()
    {
        await _data.SeedCatalogAsync();
        await _data.AddOrdersAsync(120);
        await _data.AddRefundsAsync(20);
        await _rollup.RunAsync(chunkSize: 50);
        var before = await _recompute.ReadStoredAsync();

        var again = await _rollup.RunAsync(chunkSize: 50);

        Assert.True(again.IsEmpty);
        RollupAssert.Equal(before, await _recompute.ReadStoredAsync());
        RollupAssert.Equal(await _recompute.ComputeAsync(), before);
    }

    [Fact]
    public async Task A_run_cancelled_after_its_first_chunk_loses_nothing_and_counts_nothing_twice()
    {
        await _data.SeedCatalogAsync();
        await _data.AddOrdersAsync(200);
        await _data.AddRefundsAsync(25);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _rollup.RunAsync(chunkSize: 60, new CancelOnReport(cts), cts.Token));

        await using (var connection = await _store.Db.OpenAsync())
        {
            var counted = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders WHERE rolled_up = 1");
            var inRollup = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(orders), 0) FROM daily_sales");
            Assert.Equal(60, counted);
            Assert.Equal(counted, inRollup);
        }
        var rest = await _rollup.RunAsync(chunkSize: 60);

        Assert.Equal(140, rest.Orders);
        RollupAssert.Equal(await _recompute.ComputeAsync(), await _recompute.ReadStoredAsync());
    }

    [Fact]
    public async Task A_failure_inside_a_chunk_rolls_the_whole_chunk_back()
    {
        await _data.SeedCatalogAsync();
        var ids = await _data.AddOrdersAsync(100);
        await using (var connection = await _store.Db.OpenAsync())
            await connection.ExecuteAsync($"""
                CREATE TRIGGER fail_rollup BEFORE UPDATE OF rolled_up ON orders WHEN NEW.id = {ids[70]}
                BEGIN SELECT RAISE(ABORT, 'simulated crash'); END
                """);

        await Assert.ThrowsAnyAsync<Exception>(() => _rollup.RunAsync(chunkSize: 30));

        await using (var connection = await _store.Db.OpenAsync())
        {
            Assert.Equal(60, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders WHERE rolled_up = 1"));
            Assert.Equal(60, await connection.ExecuteScalarAsync<long>("SELECT SUM(orders) FROM daily_sales"));
            await connection.ExecuteAsync("DROP TRIGGER fail_rollup");
        }
        await _rollup.RunAsync(chunkSize: 30);
        RollupAssert.Equal(await _recompute.ComputeAsync(), await _recompute.ReadStoredAsync());
    }

    [Fact]
    public async Task Overlapping_runs_count_every_row_once()
    {
        await _data.SeedCatalogAsync();
        await _data.AddOrdersAsync(240);
        await _data.AddRefundsAsync(30);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => _rollup.RunAsync(chunkSize: 20))));

        Assert.Equal(240, runs.Sum(r => r.Orders));
        Assert.Equal(30, runs.Sum(r => r.Refunds));
        RollupAssert.Equal(await _recompute.ComputeAsync(), await _recompute.ReadStoredAsync());
    }

    [Fact]
    public async Task An_order_paid_at_1630_utc_belongs_to_the_next_shanghai_day_and_so_does_its_later_refund()
    {
        await _data.SeedCatalogAsync(customers: 3, courses: 1);
        var late = await _data.AddOrderAsync(2, 1, "douyin", 10_000, 1_000, new DateTime(2025, 3, 1, 16, 30, 0, DateTimeKind.Utc));
        await _data.AddOrderAsync(3, 1, "douyin", 10_000, 0, new DateTime(2025, 3, 1, 15, 59, 59, DateTimeKind.Utc), liveSessionId: 1);
        await _data.RefundAsync(late, full: true, at: new DateTime(2025, 3, 9, 3, 0, 0, DateTimeKind.Utc));

        await _rollup.RunAsync();

        var stored = await _recompute.ReadStoredAsync();
        Assert.Equal(
            [
                new DailySalesRow(new DateOnly(2025, 3, 1), 1, "douyin", 1, 10_000, 0, 0, 0, 1),
                new DailySalesRow(new DateOnly(2025, 3, 2), 1, "douyin", 1, 9_000, 1_000, 9_000, 1, 0),
            ],
            stored.Sales);
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)], stored.Customers.Select(c => c.Day));
        Assert.Equal(1, CustomerBitmap.Count(stored.Customers[1].Bitmap));
        Assert.Equal(0b100, stored.Customers[1].Bitmap[0]);
        await using var connection = await _store.Db.OpenAsync();
        Assert.Equal(["2025-03-01", "2025-03-02"], await connection.QueryAsync<string>("SELECT day FROM daily_sales ORDER BY day"));
    }

    [Fact]
    public async Task Rebuild_repairs_damaged_rollups_and_later_runs_stay_equal()
    {
        await _data.SeedCatalogAsync();
        await _data.AddOrdersAsync(80);
        await _rollup.RunAsync();
        await using (var connection = await _store.Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE daily_sales SET orders = orders + 5, gross = 0; DELETE FROM daily_customers;");

        var rebuilt = await _recompute.RebuildAsync();

        Assert.Equal(0, rebuilt.Orders);
        RollupAssert.Equal(await _recompute.ComputeAsync(), await _recompute.ReadStoredAsync());
        await _data.AddOrdersAsync(40);
        await _data.AddRefundsAsync(10);
        await _rollup.RunAsync();
        RollupAssert.Equal(await _recompute.ComputeAsync(), await _recompute.ReadStoredAsync());
    }

    /// <summary>Reports synchronously, so the cancellation lands exactly after the first committed chunk.</summary>
    private sealed class CancelOnReport(CancellationTokenSource cts) : IProgress<RollupResult>
    {
        public void Report(RollupResult value) => cts.Cancel();
    }
}
