using Console.Domain.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Console.Domain.Events;

/// <summary>
/// The event insert on SQLite, run on the writer's own connection inside whatever transaction it holds. It binds
/// straight to SQLite's statement: per row, ADO.NET's parameter objects, boxing and reader cost about as much as the
/// insert into one of the table's indexes.
/// </summary>
internal sealed class SqliteEventInsert : EventInsert
{
    // The text Microsoft.Data.Sqlite writes for a DateTime, so rows from both paths compare and sort alike.
    internal const string TimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert, _storedId;

    public SqliteEventInsert(DbConnection connection)
    {
        _db = ((SqliteConnection)connection).Handle!;
        _insert = Prepare(InsertSql);
        _storedId = Prepare("SELECT event_id FROM events WHERE event_key = @eventKey");
    }

    // SQLite's transaction belongs to the connection, so the statements join whichever one the writer began.
    protected override void Use(DbTransaction tx) { }

    // Parameters are bound by position: SQLite numbers named parameters in the order they first appear.
    protected override ValueTask<bool> TryInsertAsync(EventRow row, long key, CancellationToken ct)
    {
        raw.sqlite3_bind_int64(_insert, 1, key);
        raw.sqlite3_bind_text(_insert, 2, row.EventId);
        raw.sqlite3_bind_int64(_insert, 3, row.CustomerId);
        raw.sqlite3_bind_text(_insert, 4, row.Type);
        raw.sqlite3_bind_text(_insert, 5, row.OccurredAt.ToString(TimeFormat, CultureInfo.InvariantCulture));
        if (row.CourseId is { } course) raw.sqlite3_bind_int64(_insert, 6, course); else raw.sqlite3_bind_null(_insert, 6);
        if (row.SessionId is { } session) raw.sqlite3_bind_int64(_insert, 7, session); else raw.sqlite3_bind_null(_insert, 7);
        if (row.Value is { } value) raw.sqlite3_bind_double(_insert, 8, value); else raw.sqlite3_bind_null(_insert, 8);
        if (row.CouponCampaignId is { } campaign) raw.sqlite3_bind_int64(_insert, 9, campaign); else raw.sqlite3_bind_null(_insert, 9);
        try
        {
            Check(raw.sqlite3_step(_insert), raw.SQLITE_DONE);
            return ValueTask.FromResult(raw.sqlite3_changes(_db) == 1);
        }
        finally
        {
            raw.sqlite3_reset(_insert);
        }
    }

    protected override ValueTask<string?> StoredIdAsync(long key, CancellationToken ct)
    {
        raw.sqlite3_bind_int64(_storedId, 1, key);
        try
        {
            var found = raw.sqlite3_step(_storedId);
            if (found == raw.SQLITE_DONE) return ValueTask.FromResult<string?>(null);
            Check(found, raw.SQLITE_ROW);
            return ValueTask.FromResult<string?>(raw.sqlite3_column_text(_storedId, 0).utf8_to_string());
        }
        finally
        {
            raw.sqlite3_reset(_storedId);
        }
    }

    public override ValueTask DisposeAsync()
    {
        _insert.Dispose();
        _storedId.Dispose();
        return ValueTask.CompletedTask;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement), raw.SQLITE_OK);
        return statement;
    }

    private void Check(int result, int expected)
    {
        if (result != expected)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result, raw.sqlite3_extended_errcode(_db));
    }

    private const string InsertSql = """
        INSERT INTO events (event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value, coupon_campaign_id)
        VALUES (@eventKey, @eventId, @customerId, @type, @occurredAt, @courseId, @liveSessionId, @value, @couponCampaignId)
        ON CONFLICT (event_key) DO NOTHING
        """;
}
