using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Console.Domain.Admin;
using Dapper;
using Xunit.Abstractions;

namespace Console.Tests.Durability;

/// <summary>
/// A console killed hard while concurrent checkouts race for a limited coupon: after the restart and the resends, every
/// order has its redemption and every redemption its order, and the coupon's limits still hold.
/// </summary>
public sealed class CheckoutKillTests(ITestOutputHelper output)
{
    private const int Attempts = 400;
    private const int Customers = 300;
    private const int TotalLimit = 150;
    private const string Course = "dur-course";

    [Fact]
    public async Task No_order_lacks_its_redemption_no_redemption_lacks_its_order_and_limits_hold()
    {
        await using var console = new ChildConsole();
        await using (var c = await console.Db.OpenAsync())
            await c.ExecuteAsync("""
                INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Course, 'Ink', 'art', 19900, @now, @now)
                """, new { Course, now = DateTime.UtcNow });
        var server = await console.StartAsync();
        string code;
        using (var manage = await console.ClientAsync(server, ApiKeyScope.Manage))
        {
            var created = await manage.PostAsJsonAsync("/api/v1/coupon-campaigns", new
            {
                name = "Kill switch", kind = "amount_off", value = 20, totalLimit = TotalLimit, perCustomerLimit = 1, code = "DURABLE20",
                status = "active",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            code = "DURABLE20";
        }

        var answers = new ConcurrentDictionary<int, HttpStatusCode>();
        var sent = new ConcurrentDictionary<int, bool>();
        using (var client = await console.ClientAsync(server))
        {
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var next = -1;
            var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < Attempts; i = Interlocked.Increment(ref next))
                {
                    sent[i] = true;
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/api/v1/orders", Order(i, code));
                        answers[i] = response.StatusCode;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                    if (answers.Count >= Attempts / 4) killed.TrySetResult();
                }
            })).ToList();
            await Task.WhenAny(killed.Task, Task.WhenAll(senders));
            await ChildConsole.KillAsync(server.Process);
            await Task.WhenAll(senders);
        }
        var before = answers.ToDictionary();
        Assert.All(before.Values, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var createdBefore = before.Where(a => a.Value == HttpStatusCode.Created).Select(a => OrderId(a.Key)).ToList();
        var inFlight = sent.Keys.Where(i => !before.ContainsKey(i)).Order().ToList();
        var (ordersAtKill, redemptionsAtKill) = Counts(console);

        var restarted = await console.StartAsync();
        using var again = await console.ClientAsync(restarted);
        var after = new Dictionary<int, HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(lane => Task.Run(async () =>
        {
            foreach (var i in Enumerable.Range(0, Attempts).Where(i => !before.ContainsKey(i) && i % 4 == lane))
            {
                using var response = await again.PostAsJsonAsync("/api/v1/orders", Order(i, code));
                lock (after) after[i] = response.StatusCode;
            }
        })));
        // An order acknowledged before the kill, sent again: the stored order answers and nothing more is redeemed.
        foreach (var orderId in createdBefore.Take(2))
        {
            using var replay = await again.PostAsJsonAsync("/api/v1/orders", Order(int.Parse(orderId[(orderId.LastIndexOf('-') + 1)..]), code));
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        await using var connection = await console.Db.OpenAsync();
        var storedIds = (await connection.QueryAsync<string>("SELECT order_id FROM orders")).ToHashSet(StringComparer.Ordinal);
        var (orders, redemptions) = Counts(console);
        var created201 = before.Values.Count(s => s == HttpStatusCode.Created) + after.Values.Count(s => s == HttpStatusCode.Created);
        var replayed200 = after.Values.Count(s => s == HttpStatusCode.OK);
        output.WriteLine($"{Attempts} checkouts for {TotalLimit} uses: {before.Count} answered before the kill ({createdBefore.Count} created), " +
            $"{inFlight.Count} in flight, {ordersAtKill} orders and {redemptionsAtKill} redemptions at the kill; after resending " +
            $"{after.Count}: {created201} created, {replayed200} found already stored, {orders} orders, {redemptions} redemptions.");

        Assert.All(createdBefore, id => Assert.Contains(id, storedIds));
        Assert.Equal(ordersAtKill, redemptionsAtKill);
        Assert.All(after.Values, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(TotalLimit, orders);
        Assert.Equal(TotalLimit, redemptions);
        Assert.Equal(TotalLimit, created201 + replayed200);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.order_id = o.id)
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM coupon_redemptions r WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = r.order_id)
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM order_discounts d WHERE d.kind = 'coupon'
              AND NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.order_id = d.order_id AND r.campaign_id = d.campaign_id)
            """));
        Assert.Equal((long)TotalLimit, await connection.ExecuteScalarAsync<long>("SELECT uses FROM coupon_campaigns"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("""
            SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM coupon_redemptions GROUP BY customer_id)
            """));
        Assert.Equal(orders * 20_00, await connection.ExecuteScalarAsync<long>("SELECT budget_used FROM coupon_campaigns"));
    }

    private static string OrderId(int i) => $"dur-order-{i}";

    private static object Order(int i, string code) => new
    {
        orderId = OrderId(i), customerExternalId = $"dur-cust-{i % Customers}", courseExternalId = Course, couponCodes = new[] { code },
    };

    private static (long Orders, long Redemptions) Counts(ChildConsole console)
    {
        using var connection = console.Db.Open();
        return (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM orders"), connection.ExecuteScalar<long>("SELECT COUNT(*) FROM coupon_redemptions"));
    }
}
