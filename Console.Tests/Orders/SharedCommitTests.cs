using System.Net;
using Dapper;

namespace Console.Tests.Orders;

/// <summary>On SQLite, checkouts queued together share one commit; one that fails half-way must cost the others nothing.</summary>
public sealed class SharedCommitTests(OrdersFixture f) : IClassFixture<OrdersFixture>
{
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await f.Db.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    [Fact]
    public async Task An_order_that_fails_half_way_leaves_no_trace_and_the_orders_beside_it_are_stored()
    {
        var prefix = OrdersFixture.NewId("shared");
        var doomed = prefix + "-doomed";
        // The order row itself is refused by the database, after its stub customer was written in the same commit.
        await ExecuteAsync($"CREATE TRIGGER fail_doomed BEFORE INSERT ON orders WHEN NEW.order_id = '{doomed}' BEGIN SELECT RAISE(ABORT, 'forced failure'); END;");
        try
        {
            var orders = Enumerable.Range(0, 60).Select(i => i == 30 ? doomed : $"{prefix}-{i}").ToList();
            var responses = await Task.WhenAll(orders.Select(id => Task.Run(() =>
                f.CreateAsync(new { orderId = id, customerExternalId = id + "-cust", courseExternalId = OrdersFixture.Course }))));

            for (var i = 0; i < orders.Count; i++)
                Assert.Equal(orders[i] == doomed ? HttpStatusCode.InternalServerError : HttpStatusCode.Created, responses[i].StatusCode);
            Assert.Equal(59, await f.ScalarAsync("SELECT COUNT(*) FROM orders WHERE order_id LIKE @p", new { p = prefix + "-%" }));
            Assert.Equal(59, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id LIKE @p", new { p = prefix + "-%" }));
            Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = @c", new { c = doomed + "-cust" }));
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER fail_doomed");
        }
    }
}
