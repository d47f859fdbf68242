using Console.Domain.Data;
using Dapper;

namespace Console.Tests.Sales;

/// <summary>Plain-SQL orders and refunds for rollup tests, deterministic from a seed.</summary>
internal sealed class SalesData(Db db, int seed = 7)
{
    public static readonly string[] Channels = ["storefront", "douyin", "wechat", "live_room", "kol"];
    public static readonly DateTime Start = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random _random = new(seed);
    private int _orders;

    public async Task SeedCatalogAsync(int customers = 60, int courses = 8)
    {
        await using var connection = await db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var now = Start;
        for (var i = 1; i <= customers; i++)
            await connection.ExecuteAsync(
                "INSERT INTO customers (external_id, name, created_at, updated_at) VALUES (@ext, @name, @now, @now)",
                new { ext = $"c{i}", name = $"Customer {i}", now }, tx);
        for (var i = 1; i <= courses; i++)
            await connection.ExecuteAsync(
                "INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@ext, @title, @category, @price, @now, @now)",
                new { ext = $"k{i}", title = $"Course {i}", category = i % 4 == 0 ? null : $"cat{i % 3}", price = 10_000 + i * 1_000, now }, tx);
        await connection.ExecuteAsync(
            "INSERT INTO live_sessions (external_id, course_id, title, updated_at) VALUES ('ls1', 1, 'Live 1', @now), ('ls2', 1, 'Live 2', @now)",
            new { now }, tx);
        await tx.CommitAsync();
    }

    /// <summary>Random orders paid within <paramref name="days"/> days from <see cref="Start"/>.</summary>
    public async Task<IReadOnlyList<long>> AddOrdersAsync(int count, int days = 30)
    {
        await using var connection = await db.OpenAsync();
        var customers = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM customers");
        var courses = (await connection.QueryAsync<(long Id, long Price)>("SELECT id, list_price FROM courses")).ToList();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var course = courses[_random.Next(courses.Count)];
            var discount = _random.Next(3) == 0 ? _random.Next(0, (int)course.Price / 2) : 0;
            var paidAt = Start.AddMinutes(_random.Next(days * 24 * 60)).AddSeconds(_random.Next(60));
            long? live = _random.Next(4) == 0 ? _random.Next(1, 3) : null;
            ids.Add(await AddOrderAsync(_random.NextInt64(1, customers + 1), course.Id, Channels[_random.Next(Channels.Length)],
                course.Price, discount, paidAt, live));
        }
        return ids;
    }

    public async Task<long> AddOrderAsync(long customerId, long courseId, string channel, long listPrice, long discount,
        DateTime paidAt, long? liveSessionId = null)
    {
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO orders (order_id, customer_id, course_id, live_session_id, channel, list_price, discount, payable, status, paid_at, created_at)
            VALUES (@orderId, @customerId, @courseId, @liveSessionId, @channel, @listPrice, @discount, @payable, 'paid', @paidAt, @paidAt);
            SELECT last_insert_rowid();
            """,
            new { orderId = $"o{seed}-{++_orders}", customerId, courseId, liveSessionId, channel, listPrice, discount, payable = listPrice - discount, paidAt });
    }

    /// <summary>Refunds part of (or the rest of) random orders that still have money left.</summary>
    public async Task AddRefundsAsync(int count)
    {
        await using var connection = await db.OpenAsync();
        var open = (await connection.QueryAsync<long>("SELECT id FROM orders WHERE refunded < payable ORDER BY id")).ToList();
        foreach (var id in open.OrderBy(_ => _random.Next()).Take(count))
            await RefundAsync(id, full: _random.Next(2) == 0);
    }

    public async Task RefundAsync(long orderId, bool full, DateTime? at = null)
    {
        await using var connection = await db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var (payable, refunded) = await connection.QuerySingleAsync<(long, long)>("SELECT payable, refunded FROM orders WHERE id = @orderId", new { orderId }, tx);
        var amount = full ? payable - refunded : Math.Max(1, (payable - refunded) / 3);
        if (amount <= 0) return;
        await connection.ExecuteAsync("""
            INSERT INTO refunds (order_id, amount, first_for_order, refunded_at) VALUES (@orderId, @amount, @first, @at);
            UPDATE orders SET refunded = refunded + @amount, status = CASE WHEN refunded + @amount = payable THEN 'refunded' ELSE 'partially_refunded' END WHERE id = @orderId;
            """, new { orderId, amount, first = refunded == 0 ? 1 : 0, at = at ?? Start.AddDays(40) }, tx);
        await tx.CommitAsync();
    }
}
