using Console.Domain.Admin;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Admin;

/// <summary>The admin's start page: the newest arrivals, today's orders, and users and keys at a glance.</summary>
public sealed class SystemHealthTests
{
    [Fact]
    public async Task An_empty_store_reads_as_nothing_received_yet()
    {
        using var store = new PromoStore();

        var health = await store.Get<SystemHealth>().ReadAsync();

        Assert.Null(health.LastEventAt);
        Assert.Null(health.LastOrderAt);
        Assert.Null(health.LastKeyUseAt);
        Assert.Equal((0, 0, 0, 0), (health.OrdersToday, health.ActiveUsers, health.DisabledUsers, health.ActiveKeys));
    }

    [Fact]
    public async Task The_event_stored_last_its_order_users_and_keys_are_counted()
    {
        using var store = new PromoStore();
        store.Customers("a", "b");
        // 2025-02-28 15:00 UTC is the evening before the business day 2025-03-01 in Asia/Shanghai.
        store.Clock.Now = new DateTimeOffset(2025, 2, 28, 15, 0, 0, TimeSpan.Zero);
        await store.OrderAsync("o-before", "a", PromoStore.Art);
        store.Clock.Now = new DateTimeOffset(2025, 2, 28, 17, 0, 0, TimeSpan.Zero);
        await store.OrderAsync("o-today", "b", PromoStore.Art);
        var users = new ConsoleUsers(store.Store.Db, store.Clock);
        await users.AddAsync("admin@x.io", Roles.Admin, "longpassword1", "setup");
        var (marketer, _) = await users.AddAsync("m@x.io", Roles.Marketer, "longpassword1", "admin@x.io");
        await store.Get<UserDisable>().SetDisabledAsync(marketer!.Id, true, "admin@x.io");
        var keys = new ApiKeys(store.Store.Db, store.Clock);
        var used = await keys.CreateAsync("storefront", ApiKeyScope.Ingest, "admin@x.io");
        var revoked = await keys.CreateAsync("old", ApiKeyScope.Manage, "admin@x.io");
        await keys.RevokeAsync(revoked.Id, "admin@x.io");
        var lastUse = new DateTime(2025, 2, 28, 16, 30, 0, DateTimeKind.Utc);
        var lastStored = new DateTime(2025, 2, 28, 12, 0, 0, DateTimeKind.Utc);
        using (var connection = store.Store.Db.Open())
        {
            connection.Execute("UPDATE api_keys SET last_used_at = @lastUse WHERE id = @Id", new { lastUse, used.Id });
            // Stored later but happened earlier: the page reports the latest arrival, not the latest occurrence.
            connection.Execute(
                """
                INSERT INTO events (id, event_key, event_id, customer_id, type, occurred_at) VALUES (1, 11, 'e-1', 1, 'view', @late);
                INSERT INTO events (id, event_key, event_id, customer_id, type, occurred_at) VALUES (2, 12, 'e-2', 1, 'view', @lastStored);
                """, new { late = lastStored.AddHours(3), lastStored });
        }

        var health = await store.Get<SystemHealth>().ReadAsync();

        Assert.Equal(lastStored, health.LastEventAt);
        Assert.Equal(store.Clock.Now.UtcDateTime, health.LastOrderAt);
        Assert.Equal(1, health.OrdersToday);
        Assert.Equal((1, 1), (health.ActiveUsers, health.DisabledUsers));
        Assert.Equal(1, health.ActiveKeys);
        Assert.Equal(lastUse, health.LastKeyUseAt);
    }
}
