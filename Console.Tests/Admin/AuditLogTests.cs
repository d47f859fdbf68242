using Console.Domain.Admin;

namespace Console.Tests.Admin;

public sealed class AuditLogTests : IDisposable
{
    private readonly AdminFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Filters_by_actor_entity_and_time_and_pages_newest_first()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _f.AddAsync($"u{i}@x.io", Roles.Marketer));
            _f.Clock.Advance(TimeSpan.FromHours(1));
        }
        var keys = new ApiKeys(_f.Store.Db, _f.Clock);
        await keys.CreateAsync("storefront", ApiKeyScope.Ingest, "ops_100%@x.io");

        var all = await _f.Audit.QueryAsync(new AuditFilter(), 0, 3);
        Assert.Equal(6, all.Total);
        Assert.Equal(["apikey.create", "user.add", "user.add"], all.Rows.Select(r => r.Action));
        var second = await _f.Audit.QueryAsync(new AuditFilter(), 3, 3);
        Assert.Equal([ids[2], ids[1], ids[0]], second.Rows.Select(r => long.Parse(r.EntityId!)));

        Assert.Equal(5, (await _f.Audit.QueryAsync(new AuditFilter(Entity: "console_user"), 0, 50)).Total);
        // LIKE wildcards in the filter are literal text.
        Assert.Equal(1, (await _f.Audit.QueryAsync(new AuditFilter(Actor: "100%"), 0, 50)).Total);
        Assert.Equal(0, (await _f.Audit.QueryAsync(new AuditFilter(Actor: "1_0"), 0, 50)).Total);
        Assert.Equal(5, (await _f.Audit.QueryAsync(new AuditFilter(Actor: "TEST"), 0, 50)).Total);

        var start = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var window = await _f.Audit.QueryAsync(new AuditFilter(FromUtc: start, ToUtc: start.AddHours(2)), 0, 50);
        Assert.Equal([ids[2], ids[1]], window.Rows.Select(r => long.Parse(r.EntityId!)));
        Assert.All(window.Rows, r => Assert.Equal(DateTimeKind.Utc, r.At.Kind));

        Assert.Equal(["api_key", "console_user"], await _f.Audit.EntitiesAsync());
    }

    [Fact]
    public async Task Api_keys_list_with_their_state_and_revoking_is_audited()
    {
        var keys = new ApiKeys(_f.Store.Db, _f.Clock);
        var created = await keys.CreateAsync("storefront", ApiKeyScope.Manage, "a@x.io");
        Assert.True(await keys.RevokeAsync(created.Id, "a@x.io"));
        Assert.False(await keys.RevokeAsync(created.Id, "a@x.io"));

        var row = Assert.Single(await keys.ListAsync());
        Assert.Equal(("storefront", "manage", true, created.Key[..10]), (row.Name, row.Scope, row.Disabled, row.Prefix));
        Assert.Null(await keys.FindAsync(created.Key));
        var revoke = Assert.Single((await _f.Audit.QueryAsync(new AuditFilter(Entity: "api_key"), 0, 50)).Rows, r => r.Action == "apikey.revoke");
        Assert.Equal("""{"disabled":true}""", revoke.AfterJson);
    }
}
