using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>The delivery log: one line per recipient with its state, reason, attempts and the server's last reply.</summary>
public sealed class EmailDeliveries(StatementRunner runner, PersonalData personal)
{
    public sealed record Line
    {
        public long Id { get; init; }
        public long RunId { get; init; }
        public string CustomerExternalId { get; init; } = "";
        public string? CustomerName { get; init; }
        public string? Email { get; init; }
        public string State { get; init; } = "";
        public string? Reason { get; init; }
        public int Attempts { get; init; }
        public DateTime? SentAt { get; init; }
        public string? Reply { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    private static readonly DialectSql PageSql = new(d =>
        $"""
        SELECT r.id AS Id, r.run_id AS RunId, c.external_id AS CustomerExternalId, c.name AS CustomerName, r.email AS Email, r.state AS State,
               r.reason AS Reason, r.attempts AS Attempts, r.sent_at AS SentAt, r.reply AS Reply, r.updated_at AS UpdatedAt
        FROM email_recipients r
        JOIN customers c ON c.id = r.customer_id
        WHERE r.campaign_id = @id AND (@state IS NULL OR r.state = @state)
        ORDER BY r.id {PageFragment.For(d)}
        """);

    private const string CountSql =
        """
        SELECT COUNT(*) FROM email_recipients WHERE campaign_id = @id AND (@state IS NULL OR state = @state)
        """;

    public async Task<(IReadOnlyList<Line> Lines, long Total)> PageAsync(long id, string? state, int skip, int take, CancellationToken ct)
    {
        await using var read = await runner.ReadAsync(ct);
        var lines = (await Dapper.SqlMapper.QueryAsync<Line>(read.Connection,
            new Dapper.CommandDefinition(PageSql.For(read.Dialect), new { id, state, skip, take }, cancellationToken: ct)))
            .Select(l => l with { Email = personal.Open(l.Email) }).ToList();
        return (lines, await read.ScalarAsync<long>(CountSql, ct, ("id", id), ("state", state)));
    }
}
