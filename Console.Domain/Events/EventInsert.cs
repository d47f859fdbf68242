using System.Data;
using System.Data.Common;

namespace Console.Domain.Events;

/// <summary>
/// One prepared insert whose parameter values change per row. The unique event_key decides duplicates: the
/// statement inserts nothing for a key already stored, and the stored row's eventId then says whether the row is
/// a duplicate (0) or another id with the same key, which moves on to its next probe (see <see cref="EventKey"/>).
/// </summary>
internal sealed class EventInsert : IAsyncDisposable
{
    private readonly DbCommand _command, _storedId;
    private readonly DbParameter _eventKey, _eventId, _customerId, _type, _occurredAt, _courseId, _sessionId, _value, _storedKey;
    private readonly bool _sqlite;

    public EventInsert(DbConnection connection, DbTransaction tx, bool sqlite)
    {
        _sqlite = sqlite;
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sqlite ? SqliteInsert : SqlServerInsert;
        _eventKey = Parameter(_command, "@eventKey", DbType.Int64);
        _eventId = Parameter(_command, "@eventId", DbType.String, IngestFields.MaxIdLength);
        _customerId = Parameter(_command, "@customerId", DbType.Int64);
        _type = Parameter(_command, "@type", DbType.String, 20);
        _occurredAt = Parameter(_command, "@occurredAt", DbType.DateTime2);
        _courseId = Parameter(_command, "@courseId", DbType.Int64);
        _sessionId = Parameter(_command, "@liveSessionId", DbType.Int64);
        _value = Parameter(_command, "@value", DbType.Double);
        _command.Prepare();
        _storedId = connection.CreateCommand();
        _storedId.Transaction = tx;
        _storedId.CommandText = "SELECT event_id FROM events WHERE event_key = @eventKey";
        _storedKey = Parameter(_storedId, "@eventKey", DbType.Int64);
        _storedId.Prepare();
    }

    /// <summary>1 when the row was stored, 0 when its eventId already was.</summary>
    public async ValueTask<int> ExecuteAsync(DbTransaction tx, EventRow row, CancellationToken ct)
    {
        _command.Transaction = _storedId.Transaction = tx;
        _eventId.Value = row.EventId;
        _customerId.Value = row.CustomerId;
        _type.Value = row.Type;
        _occurredAt.Value = row.OccurredAt;
        _courseId.Value = row.CourseId is { } course ? course : DBNull.Value;
        _sessionId.Value = row.SessionId is { } session ? session : DBNull.Value;
        _value.Value = row.Value is { } number ? number : DBNull.Value;
        for (var probe = 0; probe <= EventKey.MaxProbe; probe++)
        {
            var key = probe == 0 ? row.Key : EventKey.Of(row.EventId, probe);
            _eventKey.Value = key;
            if (await RunAsync(_command, ct) == 1) return 1;
            _storedKey.Value = key;
            if (string.Equals(await StoredIdAsync(ct), row.EventId, StringComparison.Ordinal)) return 0;
        }
        throw new InvalidOperationException($"eventId '{row.EventId}' shares its key with {EventKey.MaxProbe + 1} stored ids in a row.");
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _storedId.DisposeAsync();
    }

    // SQLite runs synchronously anyway; its async wrapper would only add an allocation per row.
    private async ValueTask<int> RunAsync(DbCommand command, CancellationToken ct) =>
        _sqlite ? command.ExecuteNonQuery() : await command.ExecuteNonQueryAsync(ct);

    private async ValueTask<string?> StoredIdAsync(CancellationToken ct) =>
        (_sqlite ? _storedId.ExecuteScalar() : await _storedId.ExecuteScalarAsync(ct)) as string;

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
        INSERT INTO events (event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
        VALUES (@eventKey, @eventId, @customerId, @type, @occurredAt, @courseId, @liveSessionId, @value)
        ON CONFLICT (event_key) DO NOTHING
        """;

    // The key-range lock makes the existence check and the insert one step against a concurrent sender of the same event.
    private const string SqlServerInsert = """
        INSERT INTO events (event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
        SELECT @eventKey, @eventId, @customerId, @type, @occurredAt, @courseId, @liveSessionId, @value
        WHERE NOT EXISTS (SELECT 1 FROM events WITH (UPDLOCK, HOLDLOCK) WHERE event_key = @eventKey)
        """;
}
