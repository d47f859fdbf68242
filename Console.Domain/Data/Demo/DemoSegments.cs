using System.Data.Common;
using System.Text.Json;
using Console.Domain.Segments;
using Dapper;

namespace Console.Domain.Data.Demo;

/// <summary>
/// Five saved segments a marketer would start from, with a week of daily sizes: the last day is counted by the real rule,
/// the six before it drift from that figure by a seeded walk, as a week of arrivals and purchases would move it. The
/// high-propensity segment stays empty until a propensity model is trained and the daily job scores customers.
/// </summary>
internal static class DemoSegments
{
    private const int Stream = 27;
    private const int HistoryDays = 7;

    private static readonly (string Name, string Rule)[] Specs =
    [
        ("Watched over 30 minutes this month, no purchase this week",
            """{"all":[{"field":"watch_minutes_30d","op":"gte","value":30},{"any":[{"field":"orders","op":"eq","value":0},{"field":"last_order_days","op":"gt","value":7}]}]}"""),
        ("Detractors", """{"all":[{"field":"nps_category","op":"in","value":["detractor"]}]}"""),
        ("High purchase propensity, opted in",
            """{"all":[{"field":"propensity","op":"gte","value":0.6},{"field":"email_opt_in","op":"is","value":true}]}"""),
        ("Bought programming, not data & AI",
            """{"all":[{"field":"purchased_category","op":"in","value":["Programming"]},{"field":"purchased_category","op":"not_in","value":["Data & AI"]}]}"""),
        (AllCustomers, """{"all":[{"field":"created_days","op":"gte","value":0}]}"""),
    ];

    /// <summary>The segment the demo's email campaign was sent to: consent and addresses are checked when a run is frozen.</summary>
    public const string AllCustomers = "All customers";

    private static readonly DialectSql InsertSql = new(d => $"""
        INSERT INTO segments (name, rule_json, created_at, updated_at)
        {DialectSql.OutputId(d)}
        VALUES (@name, @rule, @at, @at)
        """);

    public static void Write(DbConnection connection, DbTransaction tx, Dialect dialect, DemoPlan plan, BusinessTime time)
    {
        var rng = DemoRandom.For(plan.Seed, Stream, 0);
        var day = new RuleDay(plan.EndDay, time);
        var at = time.StartOfDayUtc(plan.EndDay.AddDays(-HistoryDays));
        foreach (var (name, json) in Specs)
        {
            using var document = JsonDocument.Parse(json);
            var rule = new RuleReader(MoneyBounds.Default).Read(document.RootElement, new FieldErrors())
                ?? throw new InvalidOperationException($"The demo segment '{name}' does not read.");
            var id = dialect == Dialect.Sqlite
                ? connection.ExecuteScalar<long>(InsertSql.For(dialect) + "; SELECT last_insert_rowid();", new { name, rule = rule.Json, at }, tx)
                : connection.ExecuteScalar<long>(InsertSql.For(dialect), new { name, rule = rule.Json, at }, tx);
            var compiled = RuleSql.Compile(rule, dialect, day);
            var parameters = new DynamicParameters();
            foreach (var (key, value) in compiled.Parameters) parameters.Add(key, value);
            var size = (double)connection.ExecuteScalar<long>(SegmentQueries.CountSql(compiled.Where), parameters, tx);
            for (var back = 0; back < HistoryDays; back++)
            {
                var of = plan.EndDay.AddDays(-back);
                connection.Execute(
                    """
                    INSERT INTO segment_sizes (segment_id, day, size, computed_at) VALUES (@id, @day, @size, @computed)
                    """, new { id, day = SegmentStore.DayText(of), size = (long)Math.Max(0, Math.Round(size)), computed = time.StartOfDayUtc(of).AddHours(3.5) }, tx);
                size *= 1 - (rng.NextDouble() - 0.35) * 0.06;
            }
        }
    }
}
