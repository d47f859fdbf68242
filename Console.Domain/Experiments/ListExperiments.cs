using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>The experiments list: one page, sorted by a column the reader picks, with the users assigned so far.</summary>
public sealed class ListExperiments(StatementRunner runner)
{
    public sealed record Row
    {
        public string Key { get; init; } = "";
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public string MetricKind { get; init; } = "";
        public long Variants { get; init; }
        public long Users { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime? StoppedAt { get; init; }
        public DateTime CreatedAt { get; init; }
    }

    public sealed record Page(IReadOnlyList<Row> Rows, long Total);

    public enum Sort { Newest, Name, Status, Users, Started }

    // The sort column is chosen from this fixed table, never from the reader's text; id breaks ties so pages are stable.
    private static string OrderBy(Sort sort, bool descending)
    {
        var direction = SortedStatements.Direction(descending);
        return sort switch
        {
            Sort.Name => $"e.name {direction}, e.id DESC",
            Sort.Status => $"CASE e.status WHEN 'running' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END {direction}, e.id DESC",
            Sort.Users => $"Users {direction}, e.id DESC",
            Sort.Started => $"e.started_at {direction}, e.id DESC",
            _ => $"e.id {direction}",
        };
    }

    private static readonly IReadOnlyDictionary<(Dialect, Sort, bool), string> Texts = SortedStatements.For<Sort>((d, s, desc) =>
            $"""
            SELECT e.experiment_key AS "Key", e.name, e.status, e.metric_kind AS MetricKind,
                   (SELECT COUNT(*) FROM experiment_variants v WHERE v.experiment_id = e.id) AS Variants,
                   (SELECT COUNT(*) FROM experiment_exposures x WHERE x.experiment_id = e.id) AS Users,
                   e.started_at AS StartedAt, e.stopped_at AS StoppedAt, e.created_at AS CreatedAt
            FROM experiments e
            ORDER BY {OrderBy(s, desc)}
            {PageFragment.For(d)}
            """);

    public async Task<Page> ExecuteAsync(Sort sort, bool descending, int skip, int take, CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        var rows = await read.Connection.QueryAsync<Row>(new CommandDefinition(Texts[(read.Dialect, sort, descending)],
            new { skip = Math.Max(0, skip), take = Math.Clamp(take, 1, 200) }, cancellationToken: ct));
        var total = await read.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM experiments
            """, cancellationToken: ct));
        return new Page(rows.ToList(), total);
    }
}
