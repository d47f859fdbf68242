using Console.Domain.Data;
using Dapper;

namespace Console.Tests.E2E;

/// <summary>Figures read straight from orders and refunds, independent of the rollups the pages read.</summary>
public static class StoreFigures
{
    public static readonly BusinessTime Time = new(new BusinessOptions { TimeZone = "Asia/Shanghai" });

    /// <summary>The business day it is now in Asia/Shanghai.</summary>
    public static DateOnly Today => Time.DayOf(DateTime.UtcNow);

    /// <summary>
    /// Net revenue of the orders paid in business days [from, to]: what they paid less every refund on them
    /// (a refund counts against its order's day, as the dashboard defines it), in fen.
    /// </summary>
    public static async Task<long> NetRevenueAsync(Db db, DateOnly from, DateOnly to)
    {
        var range = new { start = Time.StartOfDayUtc(from), end = Time.StartOfDayUtc(to.AddDays(1)) };
        await using var connection = await db.OpenAsync();
        var paid = await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(payable), 0) FROM orders WHERE paid_at >= @start AND paid_at < @end", range);
        var refunded = await connection.ExecuteScalarAsync<long>(
            """
            SELECT COALESCE(SUM(r.amount), 0)
            FROM refunds r JOIN orders o ON o.id = r.order_id
            WHERE o.paid_at >= @start AND o.paid_at < @end
            """, range);
        return paid - refunded;
    }

    public sealed record CustomerRow(long Id, string? Name, string? Email);

    /// <summary>The customer with the most orders: a profile with something to show.</summary>
    public static async Task<CustomerRow> BusiestCustomerAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "SELECT customer_id FROM orders GROUP BY customer_id ORDER BY COUNT(1) DESC, customer_id LIMIT 1");
        return await CustomerAsync(db, id);
    }

    /// <summary>The customer as the profile shows them: the address opened with the server's key ring, beside its store.</summary>
    public static async Task<CustomerRow> CustomerAsync(Db db, long id)
    {
        await using var connection = await db.OpenAsync();
        var row = await connection.QuerySingleAsync<CustomerRow>("SELECT id, name, email FROM customers WHERE id = @id", new { id });
        return row with { Email = Console.Web.Hosting.ConsentRegistrations.PersonalDataBeside(db).Open(row.Email) };
    }

    public sealed record SessionRow(long Id, string Title);

    /// <summary>The live session with the most events.</summary>
    public static async Task<SessionRow> BusiestSessionAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            """
            SELECT live_session_id FROM events WHERE live_session_id IS NOT NULL
            GROUP BY live_session_id ORDER BY COUNT(1) DESC, live_session_id LIMIT 1
            """);
        return await connection.QuerySingleAsync<SessionRow>("SELECT id, title FROM live_sessions WHERE id = @id", new { id });
    }
}
