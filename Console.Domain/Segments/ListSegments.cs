using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>The segments list: one page, sorted by a column the reader picks, with each segment's last recorded size.</summary>
public sealed class ListSegments(StatementRunner runner)
{
    public sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public long? Size { get; init; }
        public string? SizeDay { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    public sealed record Page(IReadOnlyList<Row> Rows, long Total);

    public enum Sort { Newest, Name, Size, Updated }

    // The sort column comes from this fixed table, never from the reader's text; id breaks ties so pages are stable.
    private static string OrderBy(Sort sort, bool descending)
    {
        var direction = SortedStatements.Direction(descending);
        return sort switch
        {
            Sort.Name => $"s.name {direction}, s.id DESC",
            Sort.Size => $"Size {direction}, s.id DESC",
            Sort.Updated => $"s.updated_at {direction}, s.id DESC",
            _ => $"s.id {direction}",
        };
    }

    private static readonly IReadOnlyDictionary<(Dialect, Sort, bool), string> Texts = SortedStatements.For<Sort>((d, s, desc) =>
            $"""
            SELECT s.id, s.name, z.size AS Size, z.day AS SizeDay, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt
            FROM segments s
            LEFT JOIN segment_sizes z ON z.segment_id = s.id
                AND z.day = (SELECT MAX(y.day) FROM segment_sizes y WHERE y.segment_id = s.id)
            WHERE s.archived_at IS NULL
            ORDER BY {OrderBy(s, desc)}
            {PageFragment.For(d)}
            """);

    /// <summary>Every (dialect, sort, direction) text, for the test that parses each SQL Server one.</summary>
    public static IEnumerable<string> AllTexts => Texts.Values;

    public async Task<Page> ExecuteAsync(Sort sort, bool descending, int skip, int take, CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        var rows = await read.Connection.QueryAsync<Row>(new CommandDefinition(Texts[(read.Dialect, sort, descending)],
            new { skip = Math.Max(0, skip), take = Math.Clamp(take, 1, 200) }, cancellationToken: ct));
        var total = await read.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM segments WHERE archived_at IS NULL
            """, cancellationToken: ct));
        return new Page(rows.ToList(), total);
    }

    /// <summary>Every live segment's id and name, for the pickers of the audiences that use segments.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ChoicesAsync(CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        return (await read.Connection.QueryAsync<(long, string)>(new CommandDefinition(
            """
            SELECT id, name FROM segments WHERE archived_at IS NULL ORDER BY name, id
            """, cancellationToken: ct))).ToList();
    }
}
