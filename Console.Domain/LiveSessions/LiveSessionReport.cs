using Console.Domain.Data;
using Dapper;

namespace Console.Domain.LiveSessions;

public sealed class LiveSessionInfo
{
    public long Id { get; init; }
    public string ExternalId { get; init; } = "";
    public string Title { get; init; } = "";
    public long CourseId { get; init; }
    public string CourseTitle { get; init; } = "";
    public string? Platform { get; init; }
    public string? Host { get; init; }
    public DateTime? ScheduledAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public long? PeakViewers { get; init; }
}

/// <summary>Orders, buyers and net revenue (fen) of one part of the sales window.</summary>
public sealed record SalesFigures(long Orders, long Buyers, long NetRevenue);

/// <summary>
/// A session's audience and sales. Viewers: distinct customers with any event of the session. Buyers: distinct
/// customers of its attributed orders. Conversion: buyers / viewers (0 with no viewers).
/// </summary>
public sealed record LiveSessionFigures(
    LiveSessionInfo Session, long Viewers, IReadOnlyDictionary<string, long> EventsByType,
    SalesFigures During, SalesFigures After24h, SalesFigures Total)
{
    public double Conversion => Viewers == 0 ? 0 : (double)Total.Buyers / Viewers;
}

/// <summary>
/// Sales attributed to a live session: orders carrying its id, plus orders of its course without a session id
/// by its viewers, paid from its start to 24 hours after its end. "During" is up to the end, "after" the rest.
/// A session with no start or end time has no window: only orders carrying its id count, all as "during".
/// </summary>
public sealed class LiveSessionReport(Db db)
{
    public static readonly TimeSpan AfterWindow = TimeSpan.FromHours(24);

    public async Task<LiveSessionFigures?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var session = await connection.QuerySingleOrDefaultAsync<LiveSessionInfo>(new CommandDefinition(
            """
            SELECT ls.id AS Id, ls.external_id AS ExternalId, ls.title AS Title, ls.course_id AS CourseId, c.title AS CourseTitle,
                   ls.platform AS Platform, ls.host AS Host, ls.scheduled_at AS ScheduledAt, ls.started_at AS StartedAt,
                   ls.ended_at AS EndedAt, ls.peak_viewers AS PeakViewers
            FROM live_sessions ls JOIN courses c ON c.id = ls.course_id WHERE ls.id = @id
            """, new { id }, cancellationToken: ct));
        if (session is null) return null;

        var viewers = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(DISTINCT customer_id) FROM events WHERE live_session_id = @id", new { id }, cancellationToken: ct));
        var byType = (await connection.QueryAsync<(string Type, long Count)>(new CommandDefinition(
            "SELECT type, COUNT(1) FROM events WHERE live_session_id = @id GROUP BY type", new { id }, cancellationToken: ct)))
            .ToDictionary(t => t.Type, t => t.Count);

        List<SaleRow> sales;
        if (session.StartedAt is { } start && session.EndedAt is { } end)
        {
            sales = (await connection.QueryAsync<SaleRow>(new CommandDefinition(SaleRow.WindowSql,
                new { id, courseId = session.CourseId, start, until = end + AfterWindow }, cancellationToken: ct))).ToList();
        }
        else
        {
            sales = (await connection.QueryAsync<SaleRow>(new CommandDefinition(SaleRow.TaggedSql, new { id }, cancellationToken: ct))).ToList();
        }
        var during = sales.Where(s => session.EndedAt is not { } e || s.PaidAt <= e).ToList();
        var after = sales.Except(during).ToList();
        return new LiveSessionFigures(session, viewers, byType, Figures(during), Figures(after), Figures(sales));
    }

    private static SalesFigures Figures(IReadOnlyCollection<SaleRow> rows) =>
        new(rows.Count, rows.Select(r => r.CustomerId).Distinct().Count(), rows.Sum(r => r.Payable - r.Refunded));

    private sealed class SaleRow
    {
        public long Id { get; init; }
        public long CustomerId { get; init; }
        public DateTime PaidAt { get; init; }
        public long Payable { get; init; }
        public long Refunded { get; init; }

        public const string WindowSql = """
            SELECT o.id AS Id, o.customer_id AS CustomerId, o.paid_at AS PaidAt, o.payable AS Payable, o.refunded AS Refunded
            FROM orders o
            WHERE o.live_session_id = @id AND o.paid_at >= @start AND o.paid_at <= @until
            UNION ALL
            SELECT o.id, o.customer_id, o.paid_at, o.payable, o.refunded
            FROM orders o
            WHERE o.course_id = @courseId AND o.live_session_id IS NULL AND o.paid_at >= @start AND o.paid_at <= @until
              AND EXISTS (SELECT 1 FROM events e WHERE e.customer_id = o.customer_id AND e.live_session_id = @id)
            """;

        public const string TaggedSql = """
            SELECT o.id AS Id, o.customer_id AS CustomerId, o.paid_at AS PaidAt, o.payable AS Payable, o.refunded AS Refunded
            FROM orders o WHERE o.live_session_id = @id
            """;
    }
}
