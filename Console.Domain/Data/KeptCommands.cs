using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Data;

/// <summary>
/// Statements kept prepared on SQLite's shared writer connection: Dapper prepares every statement anew, and parsing
/// and planning was about half of SQLite's CPU inside the single-writer section. Disposed with the connection.
/// </summary>
internal sealed class KeptCommands(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    // Row parsers by statement: the columns of a kept statement never change, so Dapper's mapping is looked up once.
    private readonly Dictionary<string, Delegate> _parsers = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    public Task<int> ExecuteAsync(string sql, DbTransaction tx, CancellationToken ct, ReadOnlySpan<(string Name, object? Value)> args) =>
        Bind(sql, tx, args).ExecuteNonQueryAsync(ct);

    public Task<T> ScalarAsync<T>(string sql, DbTransaction tx, CancellationToken ct, ReadOnlySpan<(string Name, object? Value)> args) =>
        ScalarAsync<T>(Bind(sql, tx, args), ct);

    /// <summary>The first row mapped by Dapper's own row parser, or default when there is none.</summary>
    public Task<T?> SingleOrDefaultAsync<T>(string sql, DbTransaction tx, CancellationToken ct,
        ReadOnlySpan<(string Name, object? Value)> args) =>
        SingleOrDefaultAsync<T>(sql, Bind(sql, tx, args), ct);

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
            command = connection.CreateCommand();
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
