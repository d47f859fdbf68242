using Console.Domain.Data;
using Console.Tests.Support;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Console.Tests.Data;

/// <summary>The runner's choice by engine: SQLite units share the writer's commits, SQL Server units get their own transaction.</summary>
public sealed class StatementRunnerTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly StatementRunner _runner;

    public StatementRunnerTests() => _runner = new StatementRunner(_store.Db, new WriteGate(_store.Db));

    public void Dispose()
    {
        _runner.Dispose();
        _store.Dispose();
    }

    private const string AddCustomer =
        """
        INSERT INTO customers (external_id, is_stub, created_at, updated_at) VALUES (@externalId, 1, @now, @now)
        """;

    private static Task<int> AddAsync(Statements run, string externalId, CancellationToken ct) =>
        run.ExecuteAsync(AddCustomer, ct, ("externalId", externalId), ("now", DateTime.UtcNow));

    private async Task<List<string>> StoredAsync(string prefix)
    {
        await using var connection = await _store.Db.OpenAsync();
        return (await connection.QueryAsync<string>(
            "SELECT external_id FROM customers WHERE external_id LIKE @p ORDER BY external_id", new { p = prefix + "%" })).ToList();
    }

    private static WriteUnit<string> Unit(Func<Statements, CancellationToken, Task<string>> run, bool undoFree = false) =>
        new(run, outcome => outcome.StartsWith("kept", StringComparison.Ordinal), e => e is TimeoutException ? "refused" : null, undoFree);

    [Fact]
    public async Task On_sqlite_units_queued_behind_a_commit_share_the_next_one_and_each_keeps_only_its_own_outcome()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<(System.Data.Common.DbConnection Connection, System.Data.Common.DbTransaction? Transaction)>();
        Task<string> Write(int i, Task? wait = null) => _runner.WriteAsync(Unit(async (run, ct) =>
        {
            lock (seen) seen.Add((run.Connection, run.Transaction));
            if (wait is not null) await wait;
            await AddAsync(run, $"share-{i:00}", ct);
            return i % 2 == 0 ? "kept" : "dropped";
        }), CancellationToken.None);

        // The first unit holds the writer until every other unit has queued behind it.
        var first = Write(0, release.Task);
        var rest = Enumerable.Range(1, 29).Select(i => Write(i)).ToList();
        release.SetResult();
        var outcomes = await Task.WhenAll([first, .. rest]);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? "kept" : "dropped"), outcomes);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"share-{i * 2:00}"), await StoredAsync("share-"));
        Assert.Single(seen.Select(s => s.Connection).Distinct());
        Assert.Equal(2, seen.Select(s => s.Transaction).Distinct().Count());
        Assert.All(seen, s => Assert.NotNull(s.Transaction));
    }

    [Fact]
    public async Task A_unit_that_hits_a_unique_violation_runs_once_more_and_keeps_its_second_try()
    {
        await using (var run = await _runner.ReadAsync(CancellationToken.None)) await AddAsync(run, "retry-taken", CancellationToken.None);
        var attempts = 0;

        var outcome = await _runner.WriteAsync(Unit(async (run, ct) =>
        {
            await AddAsync(run, ++attempts == 1 ? "retry-taken" : "retry-fresh", ct);
            return "kept";
        }), CancellationToken.None);

        Assert.Equal("kept", outcome);
        Assert.Equal(2, attempts);
        Assert.Equal(["retry-fresh", "retry-taken"], await StoredAsync("retry-"));
    }

    [Fact]
    public async Task A_refusal_thrown_half_way_through_a_unit_without_savepoint_costs_the_units_beside_it_nothing()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string> Keep(string id, Task? wait = null) => _runner.WriteAsync(Unit(async (run, ct) =>
        {
            if (wait is not null) await wait;
            await AddAsync(run, id, ct);
            return "kept";
        }, undoFree: true), CancellationToken.None);

        // Held behind the first unit, the next three share one commit, the doomed one in the middle.
        var holder = Keep("refuse-0", release.Task);
        var before = Keep("refuse-1");
        var doomed = _runner.WriteAsync(Unit(async (run, ct) =>
        {
            await AddAsync(run, "refuse-2", ct);
            throw new TimeoutException("refused half-way");
        }, undoFree: true), CancellationToken.None);
        var after = Keep("refuse-3");
        release.SetResult();

        Assert.Equal(["kept", "kept", "refused", "kept"], await Task.WhenAll(holder, before, doomed, after));
        Assert.Equal(["refuse-0", "refuse-1", "refuse-3"], await StoredAsync("refuse-"));
    }

    [Fact]
    public async Task Reads_run_on_a_pooled_connection_outside_any_transaction()
    {
        await using var run = await _runner.ReadAsync(CancellationToken.None);

        Assert.Null(run.Transaction);
        Assert.Equal(Dialect.Sqlite, run.Dialect);
        Assert.Equal(0L, await run.ScalarAsync<long>("SELECT COUNT(*) FROM customers WHERE external_id = @id", CancellationToken.None,
            ("id", "nobody")));
    }

    [Fact]
    public async Task On_sql_server_a_unit_opens_its_own_connection_instead_of_queueing_for_a_writer()
    {
        var db = new Db(new DatabaseOptions
        {
            Provider = Dialect.SqlServer,
            SqlServerConnectionString = "Server=tcp:127.0.0.1,1;Connect Timeout=1;ConnectRetryCount=0;Encrypt=false",
        });
        using var runner = new StatementRunner(db, new WriteGate(db));
        var ran = false;

        await Assert.ThrowsAsync<SqlException>(() => runner.WriteAsync(Unit((_, _) =>
        {
            ran = true;
            return Task.FromResult("kept");
        }), CancellationToken.None));

        Assert.Equal(Dialect.SqlServer, runner.Dialect);
        Assert.False(ran);
    }
}
