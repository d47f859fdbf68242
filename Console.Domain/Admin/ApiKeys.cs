using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Console.Domain.Data;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Console.Domain.Admin;

public enum ApiKeyScope { Ingest, Manage }

public sealed record ApiKeyIdentity(long Id, string Name, ApiKeyScope Scope);

public sealed record CreatedApiKey(long Id, string Name, ApiKeyScope Scope, string Key);

/// <summary>Settable properties rather than a positional record: SQLite hands flags back as integers, which only property mapping converts.</summary>
public sealed class ApiKeyRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string Scope { get; init; } = "";
    public bool Disabled { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }
}

/// <summary>
/// Keys are 32 random bytes, so a fast SHA-256 of them is as safe to store as a slow password hash
/// and lets every request be checked with one indexed look-up, which a short in-memory cache then saves.
/// </summary>
public sealed class ApiKeys(Db db, TimeProvider clock, ILogger<ApiKeys>? logger = null)
{
    private const string KeyPrefix = "cc_";

    /// <summary>
    /// How long a found key is trusted without asking the store. RevokeAsync clears the cache at once in this process;
    /// another node running the API keeps honouring a revoked key for up to this long.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    // Only enabled keys are cached, so its size is bounded by the keys that exist, not by what callers send.
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Until)> _found = new(StringComparer.Ordinal);
    private long _revocations;

    /// <summary>How often a key's last use is written: once a minute keeps the figure useful without a write per request.</summary>
    public static readonly TimeSpan LastUsedEvery = TimeSpan.FromMinutes(1);

    // Per key, when this node last wrote its use; a request only reads it, and one in a minute writes.
    private readonly ConcurrentDictionary<long, long> _lastUseWritten = new();

    public static string ScopeName(ApiKeyScope scope) => scope == ApiKeyScope.Manage ? "manage" : "ingest";

    public static bool TryParseScope(string? text, out ApiKeyScope scope)
    {
        scope = ApiKeyScope.Ingest;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "ingest": return true;
            case "manage": scope = ApiKeyScope.Manage; return true;
            default: return false;
        }
    }

    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyScope scope, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A key needs a name.", nameof(name));
        var key = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(db.IsSqlite
            ? """
              INSERT INTO api_keys (name, prefix, key_hash, scope, created_at) VALUES (@name, @prefix, @hash, @scope, @now);
              SELECT last_insert_rowid();
              """
            : """
              INSERT INTO api_keys (name, prefix, key_hash, scope, created_at) OUTPUT INSERTED.id VALUES (@name, @prefix, @hash, @scope, @now);
              """,
            new { name = name.Trim(), prefix = key[..10], hash = Hash(key), scope = ScopeName(scope), now }, tx);
        await Audit.WriteAsync(connection, tx, actor, "apikey.create", "api_key", id.ToString(), null,
            new { name = name.Trim(), scope = ScopeName(scope), prefix = key[..10] }, now);
        await tx.CommitAsync(ct);
        return new CreatedApiKey(id, name.Trim(), scope, key);
    }

    public async Task<ApiKeyIdentity?> FindAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(key) || !key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200) return null;
        var hash = Hash(key);
        var now = clock.GetUtcNow();
        if (_found.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            await NoteUseAsync(cached.Identity.Id, now);
            return cached.Identity;
        }
        var revocations = Interlocked.Read(ref _revocations);
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Name, string Scope)>(
            "SELECT id, name, scope FROM api_keys WHERE key_hash = @hash AND disabled = 0",
            new { hash });
        if (row.Id == 0) return null;
        var identity = new ApiKeyIdentity(row.Id, row.Name, row.Scope == "manage" ? ApiKeyScope.Manage : ApiKeyScope.Ingest);
        _found[hash] = (identity, now + CacheFor);
        // A revocation that committed while this look-up ran may have cleared the cache before the line above: undo it.
        if (Interlocked.Read(ref _revocations) != revocations) _found.TryRemove(hash, out _);
        await NoteUseAsync(identity.Id, now);
        return identity;
    }

    /// <summary>Records a use at most once a minute per key: one request a minute pays for one small write, the rest only read.</summary>
    private Task NoteUseAsync(long id, DateTimeOffset now)
    {
        var last = _lastUseWritten.GetValueOrDefault(id, long.MinValue);
        if (last != long.MinValue && now.UtcTicks - last < LastUsedEvery.Ticks) return Task.CompletedTask;
        // Only the request that wins the swap writes; the others of the same minute go on at once.
        var won = last == long.MinValue ? _lastUseWritten.TryAdd(id, now.UtcTicks) : _lastUseWritten.TryUpdate(id, now.UtcTicks, last);
        return won ? WriteUseAsync(id, now.UtcDateTime) : Task.CompletedTask;
    }

    private async Task WriteUseAsync(long id, DateTime now)
    {
        try
        {
            await using var connection = await db.OpenAsync();
            // Other nodes write too: the condition keeps the stored time from going backwards.
            await connection.ExecuteAsync(
                "UPDATE api_keys SET last_used_at = @now WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @now)",
                new { id, now });
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            // A lost "last used" time costs nothing a later request will not write again.
            logger?.LogWarning(e, "Recording the use of API key {KeyId} failed.", id);
        }
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ApiKeyRow>(
            "SELECT id AS Id, name AS Name, prefix AS Prefix, scope AS Scope, disabled AS Disabled, created_at AS CreatedAt, last_used_at AS LastUsedAt FROM api_keys ORDER BY id");
        return rows.ToList();
    }

    public async Task<bool> RevokeAsync(long id, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync("UPDATE api_keys SET disabled = 1 WHERE id = @id AND disabled = 0", new { id }, tx);
        if (changed == 1)
            await Audit.WriteAsync(connection, tx, actor, "apikey.revoke", "api_key", id.ToString(), new { disabled = false }, new { disabled = true }, now);
        await tx.CommitAsync(ct);
        Interlocked.Increment(ref _revocations);
        _found.Clear();
        return changed == 1;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
