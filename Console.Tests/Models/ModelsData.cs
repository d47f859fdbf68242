using Console.Domain.Data;
using Console.Domain.Events;
using Dapper;

namespace Console.Tests.Models;

/// <summary>Customers, courses, live sessions, events and orders written in plain SQL, in one transaction per batch.</summary>
internal sealed class ModelsData(Db db)
{
    public static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly List<Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task>> _pending = [];
    // Ids count across every batch of a test, so a second batch never repeats the first one's.
    private static int _events;
    private static int _orders;

    public ModelsData Customer(long id, string source = "douyin", DateTime? createdAt = null)
    {
        _pending.Add((c, tx) => c.ExecuteAsync("""
            INSERT INTO customers (id, external_id, source, created_at, updated_at) VALUES (@id, @externalId, @source, @createdAt, @createdAt)
            """, new { id, externalId = $"c-{id}", source, createdAt = createdAt ?? T0.AddDays(-200) }, tx));
        return this;
    }

    public ModelsData Course(long id, string category, long listPrice = 10_000)
    {
        _pending.Add((c, tx) => c.ExecuteAsync("""
            INSERT INTO courses (id, external_id, title, category, list_price, created_at, updated_at)
            VALUES (@id, @externalId, @title, @category, @listPrice, @at, @at)
            """, new { id, externalId = $"k-{id}", title = $"Course {id}", category, listPrice, at = T0.AddDays(-300) }, tx));
        return this;
    }

    public ModelsData Session(long id, long courseId, DateTime startedAt, int minutes)
    {
        _pending.Add((c, tx) => c.ExecuteAsync("""
            INSERT INTO live_sessions (id, external_id, course_id, title, started_at, ended_at, updated_at)
            VALUES (@id, @externalId, @courseId, @title, @startedAt, @endedAt, @startedAt)
            """, new { id, externalId = $"l-{id}", courseId, title = $"Show {id}", startedAt, endedAt = startedAt.AddMinutes(minutes) }, tx));
        return this;
    }

    public ModelsData Event(long customerId, string type, DateTime at, long? courseId = null, long? sessionId = null, double? value = null)
    {
        var eventId = $"e{Interlocked.Increment(ref _events)}";
        _pending.Add((c, tx) => c.ExecuteAsync("""
            INSERT INTO events (event_id, event_key, customer_id, type, occurred_at, course_id, live_session_id, value)
            VALUES (@eventId, @eventKey, @customerId, @type, @at, @courseId, @sessionId, @value)
            """, new { eventId, eventKey = EventKey.Of(eventId), customerId, type, at, courseId, sessionId, value }, tx));
        return this;
    }

    public ModelsData Order(long customerId, long courseId, DateTime paidAt, long? sessionId = null, string? referralCode = null,
        string channel = "storefront")
    {
        var orderId = $"o{Interlocked.Increment(ref _orders)}";
        _pending.Add((c, tx) => c.ExecuteAsync("""
            INSERT INTO orders (order_id, customer_id, course_id, live_session_id, channel, referral_code, list_price, payable, status, paid_at, created_at)
            VALUES (@orderId, @customerId, @courseId, @sessionId, @channel, @referralCode, 10000, 10000, 'paid', @paidAt, @paidAt)
            """, new { orderId, customerId, courseId, sessionId, channel, referralCode, paidAt }, tx));
        return this;
    }

    public async Task SaveAsync()
    {
        await using var connection = await db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var write in _pending) await write(connection, tx);
        await tx.CommitAsync();
        _pending.Clear();
    }
}
