using Console.Domain.Admin;
using Dapper;

namespace Console.Tests.Admin;

public sealed class ApiKeyCacheTests : IDisposable
{
    private readonly AdminFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Revoking_through_the_service_is_seen_at_once()
    {
        var keys = new ApiKeys(_f.Store.Db, _f.Clock);
        var created = await keys.CreateAsync("storefront", ApiKeyScope.Ingest, "a@x.io");
        Assert.Equal(created.Id, (await keys.FindAsync(created.Key))!.Id);

        Assert.True(await keys.RevokeAsync(created.Id, "a@x.io"));

        Assert.Null(await keys.FindAsync(created.Key));
    }

    [Fact]
    public async Task A_key_disabled_elsewhere_is_honoured_only_until_the_cache_expires()
    {
        var keys = new ApiKeys(_f.Store.Db, _f.Clock);
        var created = await keys.CreateAsync("storefront", ApiKeyScope.Manage, "a@x.io");
        Assert.Equal(ApiKeyScope.Manage, (await keys.FindAsync(created.Key))!.Scope);
        // Another node revokes it: this process only learns of it from the store.
        await using (var connection = await _f.Store.Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE api_keys SET disabled = 1 WHERE id = @Id", new { created.Id });

        _f.Clock.Advance(ApiKeys.CacheFor - TimeSpan.FromSeconds(1));
        Assert.NotNull(await keys.FindAsync(created.Key));
        _f.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await keys.FindAsync(created.Key));
    }

    [Fact]
    public async Task A_key_records_its_last_use_at_most_once_a_minute()
    {
        var keys = new ApiKeys(_f.Store.Db, _f.Clock);
        var created = await keys.CreateAsync("storefront", ApiKeyScope.Ingest, "a@x.io");
        Assert.Null(await LastUsed(keys, created.Id));

        var first = _f.Clock.GetUtcNow().UtcDateTime;
        await keys.FindAsync(created.Key);
        Assert.Equal(first, await LastUsed(keys, created.Id));

        // Uses within the minute, cached or looked up again, write nothing.
        _f.Clock.Advance(TimeSpan.FromSeconds(20));
        await keys.FindAsync(created.Key);
        _f.Clock.Advance(TimeSpan.FromSeconds(20));
        await keys.FindAsync(created.Key);
        Assert.Equal(first, await LastUsed(keys, created.Id));

        _f.Clock.Advance(TimeSpan.FromSeconds(21));
        await keys.FindAsync(created.Key);
        Assert.Equal(first.AddSeconds(61), await LastUsed(keys, created.Id));
    }

    private static async Task<DateTime?> LastUsed(ApiKeys keys, long id) =>
        (await keys.ListAsync()).Single(k => k.Id == id).LastUsedAt;
}
