using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.Sales;
using Dapper;

namespace Console.Tests.Support;

/// <summary>
/// A small store with known answers. Session 1 (Alpha, 2026-03-01 12:00-13:00 UTC) is watched by Ann, Bob and Cai;
/// Ann buys in the room, Bob buys the course the next morning, Cai only after the 24 hours; Eve buys without watching.
/// </summary>
internal static class SampleShop
{
    public static readonly DateTime Day1 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The rows are written as a store from before sealing held them, then sealed as the console does at start.</summary>
    public static async Task SeedAsync(TempStore store)
    {
        var db = store.Db;
        await using var connection = await db.OpenAsync();
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await connection.ExecuteAsync("""
            INSERT INTO courses (id, external_id, title, category, list_price, lecturer, created_at, updated_at)
            VALUES (1, 'k1', 'Alpha', 'design', 10000, 'Li', @now, @now), (2, 'k2', 'Beta', 'code', 20000, 'Wu', @now, @now),
                   (3, 'k3', 'Gamma', NULL, 30000, NULL, @now, @now)
            """, new { now });
        string[] people = ["Ann|ann@x.io|Shanghai|douyin|1", "Bob|bob@x.io|Beijing|app|0", "Cai|cai@x.io|Shanghai|app|0",
            "Dee|dee@x.io|Chengdu|kol|1", "Eve|eve@x.io|Hangzhou|storefront|0"];
        for (var i = 0; i < people.Length; i++)
        {
            var p = people[i].Split('|');
            await connection.ExecuteAsync("""
                INSERT INTO customers (id, external_id, name, email, city, source, email_opt_in, created_at, updated_at)
                VALUES (@id, @ext, @name, @email, @city, @source, @optIn, @at, @at)
                """, new { id = i + 1, ext = "c" + (i + 1), name = p[0], email = p[1], city = p[2], source = p[3], optIn = int.Parse(p[4]), at = now.AddDays(i) });
        }
        await connection.ExecuteAsync("""
            INSERT INTO live_sessions (id, external_id, course_id, title, platform, host, started_at, ended_at, peak_viewers, updated_at)
            VALUES (1, 's1', 1, 'Alpha launch', 'douyin', 'Li', @s1, @e1, 120, @now),
                   (2, 's2', 1, 'Alpha encore', 'wechat', 'Li', @s2, @e2, 80, @now),
                   (3, 's3', 2, 'Beta preview', 'douyin', 'Wu', NULL, NULL, NULL, @now)
            """, new { now, s1 = At(1, 12, 0, 0), e1 = At(1, 13, 0, 0), s2 = At(5, 12, 0, 0), e2 = At(5, 12, 30, 0) });

        (long Customer, string Type, DateTime At, long? Session)[] events =
        [
            (1, "chat", At(1, 12, 0, 10), 1), (1, "chat", At(1, 12, 0, 50), 1), (1, "question", At(1, 12, 1, 30), 1),
            (1, "coupon_claim", At(1, 12, 3, 5), 1), (1, "watch", At(1, 12, 5, 0), 1),
            (2, "poll_vote", At(1, 12, 1, 10), 1), (2, "watch", At(1, 12, 5, 0), 1),
            (3, "page_view", At(1, 11, 55, 0), 1),
            (4, "page_view", At(2, 9, 0, 0), null),
        ];
        var n = 0;
        foreach (var e in events)
            await connection.ExecuteAsync("""
                INSERT INTO events (event_id, event_key, customer_id, type, occurred_at, course_id, live_session_id)
                VALUES (@eventId, @eventKey, @customer, @type, @at, @course, @session)
                """, new { eventId = "e" + ++n, eventKey = EventKey.Of("e" + n), customer = e.Customer, type = e.Type, at = e.At,
                    course = e.Session is null ? 2 : 1, session = e.Session });

        await OrderAsync(connection, 1, "o1", 1, 1, 1, 8000, 0, At(1, 12, 30, 0));
        await OrderAsync(connection, 2, "o2", 2, 1, null, 9000, 0, At(2, 10, 0, 0));
        await OrderAsync(connection, 3, "o3", 3, 1, null, 10000, 0, At(3, 10, 0, 0));
        await OrderAsync(connection, 4, "o4", 5, 1, null, 10000, 0, At(1, 12, 40, 0));
        await OrderAsync(connection, 5, "o5", 1, 2, null, 20000, 5000, At(1, 12, 45, 0));
        await OrderAsync(connection, 6, "o6", 2, 1, 2, 10000, 3000, At(5, 12, 10, 0));
        await OrderAsync(connection, 7, "o7", 3, 1, 2, 500, 0, At(5, 12, 20, 0));
        await new RollupDailySales(db, new BusinessTime(new BusinessOptions())).RunAsync();
        await new Console.Domain.Customers.SealPersonalData(db, store.PersonalData).RunAsync();
    }

    /// <summary>2026-03-{day} at the given UTC time.</summary>
    public static DateTime At(int day, int hour, int minute, int second) => Day1.AddDays(day - 1).Add(new TimeSpan(hour, minute, second));

    private static async Task OrderAsync(System.Data.Common.DbConnection connection, long id, string orderId, long customer, long course,
        long? session, long payable, long refunded, DateTime paidAt)
    {
        await connection.ExecuteAsync("""
            INSERT INTO orders (id, order_id, customer_id, course_id, live_session_id, channel, list_price, discount, payable, refunded,
                                status, paid_at, created_at)
            VALUES (@id, @orderId, @customer, @course, @session, @channel, @payable, 0, @payable, @refunded, @status, @paidAt, @paidAt)
            """, new { id, orderId, customer, course, session, channel = session is null ? "storefront" : "live_room", payable, refunded,
                status = refunded == 0 ? "paid" : "partially_refunded", paidAt });
        if (refunded > 0)
            await connection.ExecuteAsync("""
                INSERT INTO refunds (order_id, amount, first_for_order, refunded_at) VALUES (@id, @refunded, 1, @at)
                """, new { id, refunded, at = paidAt.AddDays(1) });
    }
}
