using Dapper;
using Microsoft.Data.Sqlite;

namespace Console.Tests.Api;

/// <summary>The row count of every table, and SQLite's data_version, which moves whenever another connection commits.</summary>
public sealed record Snapshot(IReadOnlyDictionary<string, long> Rows, long DataVersion, string? KeysLastUsed)
{
    /// <summary>"customers +1, audit_log +1", or a commit that left every count as it was; empty when nothing changed.</summary>
    public string ChangesTo(Snapshot after)
    {
        var changed = after.Rows.Where(r => Rows.GetValueOrDefault(r.Key) != r.Value)
            .Select(r => $"{r.Key} {r.Value - Rows.GetValueOrDefault(r.Key):+#;-#}").ToList();
        // A key's use is recorded (at most once a minute) even when the call is then refused: that commit is expected.
        var keyUse = after.KeysLastUsed != KeysLastUsed;
        if (changed.Count == 0 && after.DataVersion != DataVersion && !keyUse) changed.Add("a commit that changed no row count");
        return string.Join(", ", changed);
    }
}

/// <summary>Reads the store the app writes, on a connection of its own, so that it sees exactly what was committed.</summary>
public sealed class TableCounts(string path) : IDisposable
{
    private readonly SqliteConnection _connection = Open(path);

    public SqliteConnection Connection => _connection;

    public Snapshot Take()
    {
        // Table names come from the schema itself, never from a request, so quoting them into the statement is safe.
        var tables = _connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").ToList();
        var counts = _connection.Query<(string Name, long Rows)>(
            string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\"")));
        var version = _connection.ExecuteScalar<long>("PRAGMA data_version");
        var keyUse = _connection.ExecuteScalar<string?>("SELECT group_concat(id || '=' || coalesce(last_used_at, ''), ',') FROM api_keys");
        return new Snapshot(counts.ToDictionary(c => c.Name, c => c.Rows), version, keyUse);
    }

    public void Dispose() => _connection.Dispose();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
