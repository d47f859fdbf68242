using System.Collections.Frozen;
using System.Data;
using System.Data.Common;
using Console.Domain.Data;

namespace Console.Domain.Events;

/// <summary>A behaviour event as the platform sends it: every value as the text that arrived.</summary>
public sealed record EventIn(string? EventId, string? CustomerExternalId, string? Type, string? OccurredAt,
    string? CourseExternalId = null, string? LiveSessionExternalId = null, string? Value = null);

/// <summary>
/// Stores a batch of events in one transaction with one prepared insert. Idempotent by eventId: the unique
/// index decides, so an event already stored or repeated in the batch counts as a duplicate, never a second row.
/// </summary>
public sealed class IngestEvents(Db db, IngestGate gate, ExternalIds ids, TimeProvider clock)
{
    public static readonly FrozenSet<string> Types = new[]
    {
        "page_view", "watch", "chat", "question", "poll_vote", "like", "share", "lottery_join", "coupon_claim", "add_to_cart",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Clocks drift; a day of slack keeps honest senders in, far-future typos out.</summary>
    public static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    public async Task<IngestResult> IngestAsync(IReadOnlyList<EventIn> items, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rejected = new List<Rejection>();
        var rows = new List<Row>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Check(items[i], now, out var row) is { } refusal) rejected.Add(refusal with { Index = i });
            else rows.Add(row with { Index = i });
        }
        if (rows.Count == 0) return new IngestResult(0, 0, Rejection.InOrder(rejected));

        using var lease = await gate.EnterAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var known = await KnownReferencesAsync(connection, tx, rows, rejected);
        var customers = await ids.EnsureCustomersAsync(connection, tx, known.Select(r => r.Customer).ToHashSet(StringComparer.Ordinal), now);
        var (accepted, duplicates) = await InsertAsync(connection, tx, known, customers, ct);
        await tx.CommitAsync(ct);
        ids.RememberCustomers(customers);
        return new IngestResult(accepted, duplicates, Rejection.InOrder(rejected));
    }

    private readonly record struct Row(int Index, string EventId, string Customer, string Type, DateTime OccurredAt,
        string? Course, string? Session, double? Value, long? CourseId = null, long? SessionId = null);

    private static Rejection? Check(EventIn e, DateTime now, out Row row)
    {
        row = default;
        if (IngestFields.CheckId("eventId", e.EventId) is { } eventId) return eventId;
        if (IngestFields.CheckId("customerExternalId", e.CustomerExternalId) is { } customer) return customer;
        if (string.IsNullOrWhiteSpace(e.Type)) return Rejection.Missing("type");
        if (!Types.TryGetValue(e.Type, out var type)) return new Rejection(0, "unknown_type", $"'{e.Type}' is not an event type.");
        if (string.IsNullOrWhiteSpace(e.OccurredAt)) return Rejection.Missing("occurredAt");
        if (!IngestFields.TryParseTime(e.OccurredAt, out var occurredAt))
            return Rejection.Invalid("occurredAt", "must be an ISO-8601 time with an offset");
        if (occurredAt > now + FutureSlack) return new Rejection(0, "occurred_in_future", "occurredAt is more than a day ahead.");
        var course = IngestFields.Clean(e.CourseExternalId);
        if (course is not null && IngestFields.CheckId("courseExternalId", course) is { } badCourse) return badCourse;
        var session = IngestFields.Clean(e.LiveSessionExternalId);
        if (session is not null && IngestFields.CheckId("liveSessionExternalId", session) is { } badSession) return badSession;
        double? value = null;
        if (IngestFields.Clean(e.Value) is not null)
        {
            if (!IngestFields.TryParseNumber(e.Value, out var number)) return Rejection.Invalid("value", "must be a number");
            value = number;
        }
        row = new Row(0, e.EventId!, e.CustomerExternalId!, type, occurredAt, course, session, value);
        return null;
    }

    /// <summary>Resolves course and session ids; an item naming one we do not know is rejected, the rest go on.</summary>
    private async Task<List<Row>> KnownReferencesAsync(DbConnection c, DbTransaction tx, List<Row> rows, List<Rejection> rejected)
    {
        var courseIds = rows.Where(r => r.Course is not null).Select(r => r.Course!).ToHashSet(StringComparer.Ordinal);
        var sessionIds = rows.Where(r => r.Session is not null).Select(r => r.Session!).ToHashSet(StringComparer.Ordinal);
        var courses = courseIds.Count == 0 ? null : await ids.CoursesAsync(c, tx, courseIds);
        var sessions = sessionIds.Count == 0 ? null : await ids.LiveSessionsAsync(c, tx, sessionIds);
        var known = new List<Row>(rows.Count);
        foreach (var row in rows)
        {
            long? courseId = null, sessionId = null;
            if (row.Course is not null)
            {
                if (!courses!.TryGetValue(row.Course, out var id)) { rejected.Add(new Rejection(row.Index, "unknown_course", $"No course has externalId '{row.Course}'.")); continue; }
                courseId = id;
            }
            if (row.Session is not null)
            {
                if (!sessions!.TryGetValue(row.Session, out var id)) { rejected.Add(new Rejection(row.Index, "unknown_live_session", $"No live session has externalId '{row.Session}'.")); continue; }
                sessionId = id;
            }
            known.Add(row with { CourseId = courseId, SessionId = sessionId });
        }
        return known;
    }

    private async Task<(int Accepted, int Duplicates)> InsertAsync(DbConnection c, DbTransaction tx, List<Row> rows,
        Dictionary<string, long> customers, CancellationToken ct)
    {
        await using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = db.IsSqlite ? SqliteInsert : SqlServerInsert;
        var eventId = Parameter(insert, "@eventId", DbType.String, IngestFields.MaxIdLength);
        var customerId = Parameter(insert, "@customerId", DbType.Int64);
        var type = Parameter(insert, "@type", DbType.String, 20);
        var occurredAt = Parameter(insert, "@occurredAt", DbType.DateTime2);
        var courseId = Parameter(insert, "@courseId", DbType.Int64);
        var sessionId = Parameter(insert, "@liveSessionId", DbType.Int64);
        var value = Parameter(insert, "@value", DbType.Double);
        insert.Prepare();
        var accepted = 0;
        foreach (var row in rows)
        {
            eventId.Value = row.EventId;
            customerId.Value = customers[row.Customer];
            type.Value = row.Type;
            occurredAt.Value = row.OccurredAt;
            courseId.Value = row.CourseId is { } course ? course : DBNull.Value;
            sessionId.Value = row.SessionId is { } session ? session : DBNull.Value;
            value.Value = row.Value is { } number ? number : DBNull.Value;
            // SQLite runs synchronously anyway; its async wrappers only add allocations per row.
            accepted += db.IsSqlite ? insert.ExecuteNonQuery() : await insert.ExecuteNonQueryAsync(ct);
        }
        return (accepted, rows.Count - accepted);
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type, int size = 0)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        if (size > 0) parameter.Size = size;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private const string SqliteInsert = """
        INSERT INTO events (event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
        VALUES (@eventId, @customerId, @type, @occurredAt, @courseId, @liveSessionId, @value)
        ON CONFLICT (event_id) DO NOTHING
        """;

    // The key-range lock makes the existence check and the insert one step against a concurrent sender of the same event.
    private const string SqlServerInsert = """
        INSERT INTO events (event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
        SELECT @eventId, @customerId, @type, @occurredAt, @courseId, @liveSessionId, @value
        WHERE NOT EXISTS (SELECT 1 FROM events WITH (UPDLOCK, HOLDLOCK) WHERE event_id = @eventId)
        """;
}
