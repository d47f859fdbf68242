using Console.Domain.Data;
using Console.Domain.Events;
using Dapper;

namespace Console.Domain.LiveSessions;

/// <summary>A live session as the platform sends it: every value as the text that arrived.</summary>
public sealed record LiveSessionIn(string? ExternalId, string? CourseExternalId, string? Title, string? Platform = null,
    string? Host = null, string? ScheduledAt = null, string? StartedAt = null, string? EndedAt = null, string? PeakViewers = null);

/// <summary>Upserts by externalId; the course must already be known. Optional values left out keep what is stored.</summary>
public sealed class UpsertLiveSessions(Db db, WriteGate gate, ExternalIds ids, TimeProvider clock)
{
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<LiveSessionIn> items, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rejected = new List<Rejection>();
        var valid = new List<(int Index, LiveSessionIn Item)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Refusal(items[i]) is { } refusal) rejected.Add(refusal with { Index = i });
            else valid.Add((i, items[i]));
        }
        var rows = new List<Row>(valid.Count);
        if (valid.Count > 0)
        {
            using var lease = await gate.EnterAsync(ct);
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var courses = await ids.CoursesAsync(connection, tx, valid.Select(v => v.Item.CourseExternalId!).ToHashSet(StringComparer.Ordinal));
            foreach (var (index, item) in valid)
            {
                if (courses.TryGetValue(item.CourseExternalId!, out var courseId)) rows.Add(ToRow(item, courseId, now));
                else rejected.Add(new Rejection(index, "unknown_course", $"No course has externalId '{item.CourseExternalId}'."));
            }
            await connection.ExecuteAsync(db.IsSqlite ? SqliteUpsert : SqlServerUpsert, rows, tx);
            await tx.CommitAsync(ct);
        }
        return new UpsertResult(rows.Count, Rejection.InOrder(rejected));
    }

    private sealed record Row(string ExternalId, long CourseId, string Title, string? Platform, string? Host,
        DateTime? ScheduledAt, DateTime? StartedAt, DateTime? EndedAt, int? PeakViewers, DateTime Now);

    private static Row ToRow(LiveSessionIn s, long courseId, DateTime now) => new(s.ExternalId!, courseId, s.Title!.Trim(),
        IngestFields.Clean(s.Platform), IngestFields.Clean(s.Host), Time(s.ScheduledAt), Time(s.StartedAt), Time(s.EndedAt),
        IngestFields.TryParseCount(s.PeakViewers, out var peak) ? peak : null, now);

    private static DateTime? Time(string? text) => IngestFields.TryParseTime(text, out var utc) ? utc : null;

    private static Rejection? Refusal(LiveSessionIn s)
    {
        if (IngestFields.CheckId("externalId", s.ExternalId) is { } id) return id;
        if (IngestFields.CheckId("courseExternalId", s.CourseExternalId) is { } course) return course;
        var title = IngestFields.Clean(s.Title);
        if (title is null) return Rejection.Missing("title");
        foreach (var (field, text) in new[] { ("scheduledAt", s.ScheduledAt), ("startedAt", s.StartedAt), ("endedAt", s.EndedAt) })
            if (IngestFields.Clean(text) is not null && !IngestFields.TryParseTime(text, out _))
                return Rejection.Invalid(field, "must be an ISO-8601 time with an offset");
        if (Time(s.StartedAt) is { } started && Time(s.EndedAt) is { } ended && ended < started)
            return Rejection.Invalid("endedAt", "is before startedAt");
        if (IngestFields.Clean(s.PeakViewers) is not null && !(IngestFields.TryParseCount(s.PeakViewers, out var peak) && peak >= 0))
            return Rejection.Invalid("peakViewers", "must be a whole number of at least 0");
        return IngestFields.TooLong("title", title, 300)
            ?? IngestFields.TooLong("platform", IngestFields.Clean(s.Platform), 50)
            ?? IngestFields.TooLong("host", IngestFields.Clean(s.Host), 200);
    }

    private const string SqliteUpsert = """
        INSERT INTO live_sessions (external_id, course_id, title, platform, host, scheduled_at, started_at, ended_at, peak_viewers, updated_at)
        VALUES (@ExternalId, @CourseId, @Title, @Platform, @Host, @ScheduledAt, @StartedAt, @EndedAt, @PeakViewers, @Now)
        ON CONFLICT (external_id) DO UPDATE SET
            course_id = excluded.course_id,
            title = excluded.title,
            platform = COALESCE(excluded.platform, live_sessions.platform),
            host = COALESCE(excluded.host, live_sessions.host),
            scheduled_at = COALESCE(excluded.scheduled_at, live_sessions.scheduled_at),
            started_at = COALESCE(excluded.started_at, live_sessions.started_at),
            ended_at = COALESCE(excluded.ended_at, live_sessions.ended_at),
            peak_viewers = COALESCE(excluded.peak_viewers, live_sessions.peak_viewers),
            updated_at = excluded.updated_at
        """;

    // UPDLOCK + SERIALIZABLE hold the key range, so two nodes upserting one new session cannot both insert it.
    private const string SqlServerUpsert = """
        UPDATE live_sessions WITH (UPDLOCK, SERIALIZABLE)
        SET course_id = @CourseId, title = @Title, platform = COALESCE(@Platform, platform), host = COALESCE(@Host, host),
            scheduled_at = COALESCE(@ScheduledAt, scheduled_at), started_at = COALESCE(@StartedAt, started_at),
            ended_at = COALESCE(@EndedAt, ended_at), peak_viewers = COALESCE(@PeakViewers, peak_viewers), updated_at = @Now
        WHERE external_id = @ExternalId;
        IF @@ROWCOUNT = 0
            INSERT INTO live_sessions (external_id, course_id, title, platform, host, scheduled_at, started_at, ended_at, peak_viewers, updated_at)
            VALUES (@ExternalId, @CourseId, @Title, @Platform, @Host, @ScheduledAt, @StartedAt, @EndedAt, @PeakViewers, @Now);
        """;
}
