using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Data;

/// <summary>
/// Maps the platform's external ids to our row ids for a whole batch in one query per table. Row ids never
/// change and rows are never deleted, so a found id can be remembered; the cache is bounded and only ever
/// holds committed rows (stubs made in a batch are remembered after its commit).
/// </summary>
public sealed class ExternalIds(Db db)
{
    private const int MaxRemembered = 200_000;
    private readonly ConcurrentDictionary<string, long> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _courses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _liveSessions = new(StringComparer.Ordinal);

    public async Task<Dictionary<string, long>> CoursesAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<string> wanted)
    {
        var (found, missing) = FromCache(_courses, wanted);
        if (missing.Count > 0) Remember(_courses, await QueryAsync(c, tx, CoursesSql.For(db.Dialect), missing, found));
        return found;
    }

    public async Task<Dictionary<string, long>> LiveSessionsAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<string> wanted)
    {
        var (found, missing) = FromCache(_liveSessions, wanted);
        if (missing.Count > 0) Remember(_liveSessions, await QueryAsync(c, tx, SessionsSql.For(db.Dialect), missing, found));
        return found;
    }

    /// <summary>Ids of these customers, creating a stub for each unknown one. Call <see cref="RememberCustomers"/> after commit.</summary>
    public async Task<Dictionary<string, long>> EnsureCustomersAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<string> wanted, DateTime now)
    {
        var (found, missing) = FromCache(_customers, wanted);
        if (missing.Count == 0) return found;
        var before = found.Count;
        await QueryAsync(c, tx, CustomersSql.For(db.Dialect), missing, found);
        if (found.Count - before == missing.Count) return found;
        var stubs = missing.Where(id => !found.ContainsKey(id)).ToList();
        await c.ExecuteAsync(db.IsSqlite ? SqliteStubs : SqlServerStubs, new { ids = JsonSerializer.Serialize(stubs), now }, tx);
        await QueryAsync(c, tx, CustomersSql.For(db.Dialect), stubs, found);
        return found;
    }

    public void RememberCustomers(Dictionary<string, long> committed) => Remember(_customers, committed);

    /// <summary>Drops a customer whose external id was replaced (erasure), so the next event under the old id makes a new customer.</summary>
    public void ForgetCustomer(string externalId) => _customers.TryRemove(externalId, out _);

    public bool TryRememberedCustomer(string externalId, out long id) => _customers.TryGetValue(externalId, out id);

    public bool TryRememberedCourse(string externalId, out long id) => _courses.TryGetValue(externalId, out id);

    public bool TryRememberedLiveSession(string externalId, out long id) => _liveSessions.TryGetValue(externalId, out id);

    private static (Dictionary<string, long> Found, List<string> Missing) FromCache(ConcurrentDictionary<string, long> cache, IReadOnlyCollection<string> wanted)
    {
        var found = new Dictionary<string, long>(wanted.Count, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in wanted)
        {
            if (cache.TryGetValue(id, out var rowId)) found[id] = rowId;
            else missing.Add(id);
        }
        return (found, missing);
    }

    private static async Task<Dictionary<string, long>> QueryAsync(DbConnection c, DbTransaction tx, string sql, List<string> ids, Dictionary<string, long> into)
    {
        foreach (var (id, externalId) in await c.QueryAsync<(long, string)>(sql, new { ids = JsonSerializer.Serialize(ids) }, tx))
            into[externalId] = id;
        return into;
    }

    private static void Remember(ConcurrentDictionary<string, long> cache, Dictionary<string, long> ids)
    {
        if (cache.Count + ids.Count > MaxRemembered) cache.Clear();
        foreach (var (externalId, id) in ids) cache[externalId] = id;
    }

    // The wanted ids travel as one JSON array parameter (@ids): no parameter-count limit, one plan per table. Only the
    // engine's JSON-table function (json_each or OPENJSON) is put into the text, never a value.
    private static readonly DialectSql CustomersSql = new(d =>
        $"SELECT id, external_id FROM customers WHERE external_id IN (SELECT value FROM {DialectSql.JsonValues(d)})");
    private static readonly DialectSql CoursesSql = new(d =>
        $"SELECT id, external_id FROM courses WHERE external_id IN (SELECT value FROM {DialectSql.JsonValues(d)})");
    private static readonly DialectSql SessionsSql = new(d =>
        $"SELECT id, external_id FROM live_sessions WHERE external_id IN (SELECT value FROM {DialectSql.JsonValues(d)})");

    // SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT to tell the upsert clause from a join.
    private const string SqliteStubs = """
        INSERT INTO customers (external_id, is_stub, created_at, updated_at)
        SELECT value, 1, @now, @now FROM json_each(@ids) WHERE 1 = 1
        ON CONFLICT (external_id) DO NOTHING
        """;

    private const string SqlServerStubs = """
        INSERT INTO customers (external_id, is_stub, created_at, updated_at)
        SELECT j.value, 1, @now, @now FROM OPENJSON(@ids) AS j
        WHERE NOT EXISTS (SELECT 1 FROM customers AS c WITH (UPDLOCK, HOLDLOCK) WHERE c.external_id = j.value)
        """;
}
