using System.Data;
using System.Data.Common;

namespace Console.Domain.Events;

/// <summary>
/// One prepared insert whose parameter values change per row. The unique event_id decides duplicates: the
/// statement inserts nothing for an id already stored, so its row count says "accepted" (1) or "duplicate" (0).
/// </summary>
internal sealed class EventInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter _eventId, _customerId, _type, _occurredAt, _courseId, _sessionId, _value;
    private readonly bool _sqlite;

    public EventInsert(DbConnection connection, DbTransaction tx, bool sqlite)
    {
        _sqlite = sqlite;
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sqlite ? SqliteInsert : SqlServerInsert;
        _eventId = Parameter("@eventId", DbType.String, IngestFields.MaxIdLength);
        _customerId = Parameter("@customerId", DbType.Int64);
        _type = Parameter("@type", DbType.String, 20);
        _occurredAt = Parameter("@occurredAt", DbType.DateTime2);
        _courseId = Parameter("@courseId", DbType.Int64);
        _sessionId = Parameter("@liveSessionId", DbType.Int64);
        _value = Parameter("@value", DbType.Double);
        _command.Prepare();
    }

    public async ValueTask<int> ExecuteAsync(DbTransaction tx, EventRow row, CancellationToken ct)
    {
        _command.Transaction = tx;
        _eventId.Value = row.EventId;
        _customerId.Value = row.CustomerId;
        _type.Value = row.Type;
        _occurredAt.Value = row.OccurredAt;
        _courseId.Value = row.CourseId is { } course ? course : DBNull.Value;
        _sessionId.Value = row.SessionId is { } session ? session : DBNull.Value;
        _value.Value = row.Value is { } number ? number : DBNull.Value;
        // SQLite runs synchronously anyway; its async wrapper would only add an allocation per row.
        return _sqlite ? _command.ExecuteNonQuery() : await _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private DbParameter Parameter(string name, DbType type, int size = 0)
    {
        var parameter = _command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        if (size > 0) parameter.Size = size;
        _command.Parameters.Add(parameter);
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
