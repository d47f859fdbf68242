using Console.Domain.Data;
using Console.Domain.Segments;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>A live segment and those of a survey's respondents it holds today: one group of results grouped by segment.</summary>
public sealed record SegmentGroup(long Id, string Name, IReadOnlySet<long> Customers);

/// <summary>
/// The segments results are grouped by: the newest live ones, each with the survey's respondents its rule holds today.
/// Membership is read now, never stored, so this grouping is always summed on request.
/// </summary>
public static class SegmentGroups
{
    /// <summary>Grouping by segment looks at this many segments, the newest first.</summary>
    public const int Max = 50;

    private sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string RuleJson { get; init; } = "";
    }

    private const string SegmentsSql =
        """
        SELECT id AS Id, name AS Name, rule_json AS RuleJson FROM segments WHERE archived_at IS NULL ORDER BY id DESC
        """;

    // A whole statement on its own; the rule's predicate over customers c is appended after it.
    private const string RespondentsHead =
        """
        SELECT c.id FROM customers c WHERE c.id IN (SELECT r.customer_id FROM survey_responses r WHERE r.survey_id = @surveyId)
        """;

    internal static string RespondentsSql(string segmentWhere) => RespondentsHead + " AND " + segmentWhere;

    public static async Task<IReadOnlyList<SegmentGroup>> ReadAsync(Statements run, long surveyId, SegmentQueries segments, CancellationToken ct)
    {
        var rows = (await run.Connection.QueryAsync<Row>(new CommandDefinition(SegmentsSql, transaction: run.Transaction, cancellationToken: ct)))
            .Take(Max).ToList();
        var today = segments.Today();
        var groups = new List<SegmentGroup>(rows.Count);
        foreach (var row in rows)
        {
            var compiled = RuleSql.Compile(SegmentStore.Parse(row.RuleJson), run.Dialect, today);
            var parameters = new DynamicParameters(new { surveyId });
            foreach (var (name, value) in compiled.Parameters) parameters.Add(name, value);
            var members = await run.Connection.QueryAsync<long>(new CommandDefinition(RespondentsSql(compiled.Where), parameters,
                run.Transaction, cancellationToken: ct));
            groups.Add(new SegmentGroup(row.Id, row.Name, members.ToHashSet()));
        }
        return groups;
    }
}
