using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Data;

/// <summary>
/// One unit of writes that is stored whole or not at all. Run writes it on the statements it is given and never
/// commits; Keep says whether its outcome is to be kept (anything else is rolled back); Refusal turns an exception
/// that means "refused" into an outcome. UndoFree promises that an outcome not kept has written nothing, which lets
/// SQLite's writer run the unit without a savepoint.
/// </summary>
public sealed record WriteUnit<T>(Func<Statements, CancellationToken, Task<T>> Run, Func<T, bool> Keep, Func<Exception, T?> Refusal,
    bool UndoFree) where T : class;

/// <summary>
/// Where use cases run their SQL, and the one place that chooses how by engine. SQLite has one writer at a time, so
/// its units queue for a shared-commit writer that runs every queued unit in one transaction on one long-lived
/// connection with its statements kept prepared (<see cref="SharedCommits"/>). SQL Server takes row locks, so each
/// unit gets its own transaction on a pooled connection. Reads take a pooled connection on either engine.
/// </summary>
public sealed class StatementRunner(Db db, WriteGate gate) : IDisposable
{
    private readonly SharedCommits? _sqlite = db.IsSqlite ? new SharedCommits(db, gate) : null;

    public Dialect Dialect => db.Dialect;

    /// <summary>Statements on a pooled connection, outside any transaction; dispose them to give it back.</summary>
    public async Task<Statements> ReadAsync(CancellationToken ct)
    {
        var connection = await db.OpenAsync(ct);
        return new Statements(connection, null, db.Dialect, null, ownsConnection: true);
    }

    /// <summary>
    /// Writes one unit and answers its outcome once that is committed (or rolled back). A unit that hits a unique
    /// violation (two requests racing to insert one key) is run once more, so that it can find the winner's row.
    /// On SQLite a unit once queued is written even if its caller leaves, so it must be safe to repeat.
    /// </summary>
    public Task<T> WriteAsync<T>(WriteUnit<T> unit, CancellationToken ct) where T : class =>
        _sqlite is not null ? _sqlite.WriteAsync(unit) : OwnTransactionAsync(unit, ct);

    /// <summary>
    /// Writes a unit whose SQLite side binds to the single writer itself (events: decision 0001 explains why): the
    /// engine is still chosen here, so SQLite runs sqliteWriter and SQL Server runs the unit in its own transaction.
    /// </summary>
    public Task<T> WriteAsync<T>(WriteUnit<T> unit, Func<Task<T>> sqliteWriter, CancellationToken ct) where T : class =>
        _sqlite is not null ? sqliteWriter() : OwnTransactionAsync(unit, ct);

    private async Task<T> OwnTransactionAsync<T>(WriteUnit<T> unit, CancellationToken ct) where T : class
    {
        await using var connection = await db.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var outcome = await unit.Run(new Statements(connection, tx, db.Dialect, null, ownsConnection: false), ct);
                if (unit.Keep(outcome)) await tx.CommitAsync(ct);
                return outcome;
            }
            catch (DbException e) when (IsUniqueViolation(e) && attempt < 2)
            {
            }
            catch (Exception e) when (unit.Refusal(e) is { } refused)
            {
                return refused;
            }
        }
    }

    /// <summary>Two writers racing to insert one key: the loser sees this and looks again for the winner's row.</summary>
    public static bool IsUniqueViolation(DbException e) => e switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException s => s.Number is 2627 or 2601,
        _ => false,
    };

    public void Dispose() => _sqlite?.Dispose();
}
