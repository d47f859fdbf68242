using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>
/// Runs a compiled rule: its size, a sample, every member, or whether one customer is a member. The statements wrap the
/// rule's predicate; only the paging of the sample differs by engine (<see cref="PageFragment"/>).
/// </summary>
public sealed class SegmentQueries(BusinessTime time, TimeProvider clock, PersonalData personal)
{
    public const int MaxSample = 100;

    public RuleDay Today() => new(time.DayOf(clock.GetUtcNow().UtcDateTime), time);

    // The heads are whole statements; the rule's predicate is appended after them, so each head parses on its own.
    private const string CountHead = "SELECT COUNT(*) FROM customers c";
    private const string SampleHead = "SELECT c.id AS Id, c.external_id AS ExternalId, c.name AS Name, c.email AS Email, c.city AS City FROM customers c";
    private const string IdsHead = "SELECT c.id FROM customers c";
    private const string OneHead = "SELECT COUNT(*) FROM customers c WHERE c.id = @customerId";

    public static string CountSql(string where) => CountHead + " WHERE " + where;

    public static string SampleSql(Dialect dialect, string where) =>
        SampleHead + " WHERE " + where + " ORDER BY c.id DESC " + PageFragment.For(dialect, "@skip", "@take");

    public static string IdsSql(string where) => IdsHead + " WHERE " + where + " ORDER BY c.id";

    /// <summary>One customer by primary key, then the rule's subqueries for that row alone: no scan of the segment.</summary>
    public static string ContainsSql(string where) => OneHead + " AND " + where;

    public async Task<long> CountAsync(Statements run, SegmentRule rule, CancellationToken ct)
    {
        var compiled = RuleSql.Compile(rule, run.Dialect, Today());
        return await run.Connection.ExecuteScalarAsync<long>(Command(CountSql(compiled.Where), compiled, run, ct));
    }

    public async Task<SegmentPreview> PreviewAsync(Statements run, SegmentRule rule, int n, CancellationToken ct)
    {
        var compiled = RuleSql.Compile(rule, run.Dialect, Today());
        var size = await run.Connection.ExecuteScalarAsync<long>(Command(CountSql(compiled.Where), compiled, run, ct));
        var take = Math.Clamp(n, 0, MaxSample);
        var sample = take == 0 ? [] : (await run.Connection.QueryAsync<SampleCustomer>(Command(SampleSql(run.Dialect, compiled.Where), compiled, run, ct,
            ("skip", 0), ("take", take)))).Select(c => c with { Email = personal.Open(c.Email) }).ToList();
        return new SegmentPreview(size, sample);
    }

    public async Task<IReadOnlyList<long>> IdsAsync(Statements run, SegmentRule rule, CancellationToken ct)
    {
        var compiled = RuleSql.Compile(rule, run.Dialect, Today());
        return (await run.Connection.QueryAsync<long>(Command(IdsSql(compiled.Where), compiled, run, ct))).ToList();
    }

    public async Task<bool> ContainsAsync(Statements run, SegmentRule rule, long customerId, CancellationToken ct)
    {
        var compiled = RuleSql.Compile(rule, run.Dialect, Today());
        return await run.Connection.ExecuteScalarAsync<long>(Command(ContainsSql(compiled.Where), compiled, run, ct,
            ("customerId", customerId))) > 0;
    }

    private static CommandDefinition Command(string sql, CompiledRule compiled, Statements run, CancellationToken ct,
        params (string Name, object Value)[] extra)
    {
        var parameters = new DynamicParameters();
        foreach (var (name, value) in compiled.Parameters) parameters.Add(name, value);
        foreach (var (name, value) in extra) parameters.Add(name, value);
        return new CommandDefinition(sql, parameters, run.Transaction, cancellationToken: ct);
    }
}
