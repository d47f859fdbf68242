using Console.Domain.Data;
using Console.Domain.Events;
using Dapper;

namespace Console.Tests.Sales;

/// <summary>Live sessions, their events and orders in plain SQL, on top of <see cref="SalesData"/>'s catalogue.</summary>
internal sealed class LiveFunnelData(Db db)
{
    private int _events;
    private int _orders;

    public async Task<long> AddSessionAsync(string externalId, DateTime? startedAt, DateTime? scheduledAt = null)
    {
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO live_sessions (external_id, course_id, title, started_at, scheduled_at, updated_at)
            VALUES (@externalId, 1, @externalId, @startedAt, @scheduledAt, @now);
            SELECT last_insert_rowid();
            """, new { externalId, startedAt, scheduledAt, now = SalesData.Start });
    }

    public async Task AddEventAsync(long customerId, long sessionId, string type, double? value = null, DateTime? at = null)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO events (event_id, event_key, customer_id, type, occurred_at, live_session_id, value)
            VALUES (@eventId, @eventKey, @customerId, @type, @at, @sessionId, @value)
            """, new { eventId = $"e{++_events}", eventKey = EventKey.Of($"e{_events}"), customerId, type, at = at ?? SalesData.Start, sessionId, value });
    }

    public async Task AddOrderAsync(long customerId, long sessionId, DateTime? at = null)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO orders (order_id, customer_id, course_id, live_session_id, channel, list_price, payable, status, paid_at, created_at)
            VALUES (@orderId, @customerId, 1, @sessionId, 'live_room', 100, 100, 'paid', @at, @at)
            """, new { orderId = $"lo{++_orders}", customerId, sessionId, at = at ?? SalesData.Start });
    }
}
