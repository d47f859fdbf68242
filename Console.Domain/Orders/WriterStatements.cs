using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Orders;

/// <summary>
/// Prepared checkout statements kept on SQLite's shared writer connection: Dapper prepares every statement anew, and
/// parsing and planning was about half of SQLite's CPU inside the single-writer section. Any other connection gets
/// null from For and takes the ordinary Dapper path, so pooled connections and SQL Server are unchanged.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private static readonly ConditionalWeakTable<DbConnection, WriterStatements> Attached = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    // Row parsers by statement: the columns of a kept statement never change, so Dapper's mapping is looked up once.
    private readonly Dictionary<string, Delegate> _parsers = new(StringComparer.Ordinal);

    private WriterStatements(SqliteConnection connection) => _connection = connection;

    public static void Attach(SqliteConnection connection) => Attached.AddOrUpdate(connection, new WriterStatements(connection));

    public static WriterStatements? For(DbConnection connection) =>
        Attached.TryGetValue(connection, out var statements) ? statements : null;

    /// <summary>Disposes the kept statements; call before the connection itself is disposed.</summary>
    public static void Detach(DbConnection connection)
    {
        if (Attached.TryGetValue(connection, out var statements)) statements.Dispose();
        Attached.Remove(connection);
    }

    public Task<int> ExecuteAsync(string sql, DbTransaction tx, CancellationToken ct, params ReadOnlySpan<(string Name, object? Value)> args) =>
        Bind(sql, tx, args).ExecuteNonQueryAsync(ct);

    public Task<T> ScalarAsync<T>(string sql, DbTransaction tx, CancellationToken ct, params ReadOnlySpan<(string Name, object? Value)> args) =>
        ScalarAsync<T>(Bind(sql, tx, args), ct);

    /// <summary>The first row mapped by Dapper's own row parser, or default when there is none.</summary>
    public Task<T?> SingleOrDefaultAsync<T>(string sql, DbTransaction tx, CancellationToken ct,
        params ReadOnlySpan<(string Name, object? Value)> args) => SingleOrDefaultAsync<T>(sql, Bind(sql, tx, args), ct);

    private static async Task<T> ScalarAsync<T>(SqliteCommand command, CancellationToken ct)
    {
        var value = await command.ExecuteScalarAsync(ct);
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<T?> SingleOrDefaultAsync<T>(string sql, SqliteCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return default;
        if (!_parsers.TryGetValue(sql, out var parser)) _parsers[sql] = parser = reader.GetRowParser<T>();
        return ((Func<DbDataReader, T>)parser)(reader);
    }

    // Parameters bind by position: each statement has one call site, which always passes its arguments in one order.
    private SqliteCommand Bind(string sql, DbTransaction tx, ReadOnlySpan<(string Name, object? Value)> args)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in args) command.Parameters.Add(new SqliteParameter("@" + name, null));
            _commands[sql] = command;
        }
        command.Transaction = (SqliteTransaction)tx;
        for (var i = 0; i < args.Length; i++) command.Parameters[i].Value = args[i].Value ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        _parsers.Clear();
    }
}
