using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Domain.Courses;

/// <summary>A course as the platform sends it: every value as the text that arrived.</summary>
public sealed record CourseIn(string? ExternalId, string? Title, string? ListPrice, string? Category = null,
    string? Lecturer = null, string? Status = null);

/// <summary>Upserts by externalId. Title and price are required and always replace; optional values left out keep what is stored.</summary>
public sealed class UpsertCourses(Db db, WriteGate gate, TimeProvider clock, MoneyBounds money)
{
    public Task<UpsertResult> UpsertAsync(IReadOnlyList<CourseIn> items, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return BatchUpsert.RunAsync(db, gate, items, Refusal, item => ToRow(item, now), SqliteUpsert, SqlServerUpsert, ct);
    }

    private sealed record Row(string ExternalId, string Title, long ListPrice, string? Category, string? Lecturer,
        string? Status, DateTime Now);

    private Row ToRow(CourseIn c, DateTime now)
    {
        money.TryParse(c.ListPrice, out var fen);
        return new Row(c.ExternalId!, c.Title!.Trim(), fen, IngestFields.Clean(c.Category), IngestFields.Clean(c.Lecturer),
            IngestFields.Clean(c.Status)?.ToLowerInvariant(), now);
    }

    private Rejection? Refusal(CourseIn c)
    {
        if (IngestFields.CheckId("externalId", c.ExternalId) is { } id) return id;
        var title = IngestFields.Clean(c.Title);
        if (title is null) return Rejection.Missing("title");
        if (IngestFields.Clean(c.ListPrice) is null) return Rejection.Missing("listPrice");
        if (!money.TryParse(c.ListPrice, out _)) return Rejection.Invalid("listPrice", money.BatchRule);
        return IngestFields.TooLong("title", title, 300)
            ?? IngestFields.TooLong("category", IngestFields.Clean(c.Category), 100)
            ?? IngestFields.TooLong("lecturer", IngestFields.Clean(c.Lecturer), 200)
            ?? IngestFields.TooLong("status", IngestFields.Clean(c.Status), 20);
    }

    private const string SqliteUpsert = """
        INSERT INTO courses (external_id, title, category, list_price, lecturer, status, created_at, updated_at)
        VALUES (@ExternalId, @Title, @Category, @ListPrice, @Lecturer, COALESCE(@Status, 'active'), @Now, @Now)
        ON CONFLICT (external_id) DO UPDATE SET
            title = excluded.title,
            category = COALESCE(excluded.category, courses.category),
            list_price = excluded.list_price,
            lecturer = COALESCE(excluded.lecturer, courses.lecturer),
            status = COALESCE(@Status, courses.status),
            updated_at = excluded.updated_at
        """;

    // UPDLOCK + SERIALIZABLE hold the key range, so two nodes upserting one new course cannot both insert it.
    private const string SqlServerUpsert = """
        UPDATE courses WITH (UPDLOCK, SERIALIZABLE)
        SET title = @Title, category = COALESCE(@Category, category), list_price = @ListPrice,
            lecturer = COALESCE(@Lecturer, lecturer), status = COALESCE(@Status, status), updated_at = @Now
        WHERE external_id = @ExternalId;
        IF @@ROWCOUNT = 0
            INSERT INTO courses (external_id, title, category, list_price, lecturer, status, created_at, updated_at)
            VALUES (@ExternalId, @Title, @Category, @ListPrice, @Lecturer, COALESCE(@Status, 'active'), @Now, @Now);
        """;
}
