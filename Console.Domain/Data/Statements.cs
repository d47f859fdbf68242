using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Data;

/// <summary>
/// The statements of one unit of work, on the connection and transaction that <see cref="StatementRunner"/> chose for
/// it. On SQLite's shared writer each statement stays prepared and its arguments are bound in place; on any other
/// connection (SQL Server, pooled readers) Dapper runs it. Arguments are named, in the order of the statement's one call site.
/// </summary>
public sealed class Statements : IAsyncDisposable
{
    private readonly KeptCommands? _kept;
    private readonly bool _ownsConnection;

    internal Statements(DbConnection connection, DbTransaction? transaction, Dialect dialect, KeptCommands? kept, bool ownsConnection)
    {
        (Connection, Transaction, Dialect, _kept, _ownsConnection) = (connection, transaction, dialect, kept, ownsConnection);
    }

    public DbConnection Connection { get; }

    /// <summary>Null for reads outside a transaction.</summary>
    public DbTransaction? Transaction { get; }

    public Dialect Dialect { get; }

    public Task<int> ExecuteAsync(string sql, CancellationToken ct, params ReadOnlySpan<(string Name, object? Value)> args) =>
        _kept is not null && Transaction is not null
            ? _kept.ExecuteAsync(sql, Transaction, ct, args)
            : Connection.ExecuteAsync(Command(sql, args, ct));

    public Task<T> ScalarAsync<T>(string sql, CancellationToken ct, params ReadOnlySpan<(string Name, object? Value)> args) =>
        _kept is not null && Transaction is not null
            ? _kept.ScalarAsync<T>(sql, Transaction, ct, args)
            : Connection.ExecuteScalarAsync<T>(Command(sql, args, ct))!;

    /// <summary>The one row the statement answers, or default when it answers none.</summary>
    public Task<T?> SingleOrDefaultAsync<T>(string sql, CancellationToken ct, params ReadOnlySpan<(string Name, object? Value)> args) =>
        _kept is not null && Transaction is not null
            ? _kept.SingleOrDefaultAsync<T>(sql, Transaction, ct, args)
            : Connection.QuerySingleOrDefaultAsync<T>(Command(sql, args, ct))!;

    /// <summary>
    /// Runs an INSERT of one row and answers the new row's id. On SQL Server the text carries OUTPUT INSERTED.id (see
    /// <see cref="DialectSql.OutputId"/>); SQLite reads it from the connection, which saves preparing and running a second statement.
    /// </summary>
    public Task<long> InsertAsync(string sql, CancellationToken ct, params ReadOnlySpan<(string Name, object? Value)> args) =>
        Dialect == Dialect.SqlServer ? ScalarAsync<long>(sql, ct, args) : RowIdAfterAsync(ExecuteAsync(sql, ct, args));

    private async Task<long> RowIdAfterAsync(Task<int> insert)
    {
        await insert;
        return SQLitePCL.raw.sqlite3_last_insert_rowid(((SqliteConnection)Connection).Handle);
    }

    private CommandDefinition Command(string sql, ReadOnlySpan<(string Name, object? Value)> args, CancellationToken ct)
    {
        var parameters = new DynamicParameters();
        foreach (var (name, value) in args) parameters.Add(name, value);
        return new CommandDefinition(sql, parameters, Transaction, cancellationToken: ct);
    }

    public ValueTask DisposeAsync() => _ownsConnection ? Connection.DisposeAsync() : ValueTask.CompletedTask;
}
