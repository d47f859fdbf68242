using Console.Domain.Data;
using System.Data;
using System.Data.Common;

namespace Console.Domain.Events;

/// <summary>The event insert on SQL Server: one pooled connection and transaction per batch.</summary>
internal sealed class SqlServerEventInsert : EventInsert
{
    private readonly DbCommand _insert, _storedId;
    private readonly DbParameter _eventKey, _eventId, _customerId, _type, _occurredAt, _courseId, _sessionId, _value, _campaignId,
        _storedKey;

    public SqlServerEventInsert(DbConnection connection, DbTransaction tx)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = tx;
        _insert.CommandText = InsertSql;
        _eventKey = Parameter(_insert, "@eventKey", DbType.Int64);
        _eventId = Parameter(_insert, "@eventId", DbType.String, IngestFields.MaxIdLength);
        _customerId = Parameter(_insert, "@customerId", DbType.Int64);
        _type = Parameter(_insert, "@type", DbType.String, 20);
        _occurredAt = Parameter(_insert, "@occurredAt", DbType.DateTime2);
        _courseId = Parameter(_insert, "@courseId", DbType.Int64);
        _sessionId = Parameter(_insert, "@liveSessionId", DbType.Int64);
        _value = Parameter(_insert, "@value", DbType.Double);
        _campaignId = Parameter(_insert, "@couponCampaignId", DbType.Int64);
        _insert.Prepare();
        _storedId = connection.CreateCommand();
        _storedId.Transaction = tx;
        _storedId.CommandText = "SELECT event_id FROM events WHERE event_key = @eventKey";
        _storedKey = Parameter(_storedId, "@eventKey", DbType.Int64);
        _storedId.Prepare();
    }

    protected override void Use(DbTransaction tx) => _insert.Transaction = _storedId.Transaction = tx;

    protected override async ValueTask<bool> TryInsertAsync(EventRow row, long key, CancellationToken ct)
    {
        _eventKey.Value = key;
        _eventId.Value = row.EventId;
        _customerId.Value = row.CustomerId;
        _type.Value = row.Type;
        _occurredAt.Value = row.OccurredAt;
        _courseId.Value = row.CourseId is { } course ? course : DBNull.Value;
        _sessionId.Value = row.SessionId is { } session ? session : DBNull.Value;
        _value.Value = row.Value is { } number ? number : DBNull.Value;
        _campaignId.Value = row.CouponCampaignId is { } campaign ? campaign : DBNull.Value;
        return await _insert.ExecuteNonQueryAsync(ct) == 1;
    }

    protected override async ValueTask<string?> StoredIdAsync(long key, CancellationToken ct)
    {
        _storedKey.Value = key;
        return await _storedId.ExecuteScalarAsync(ct) as string;
    }

    public override async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _storedId.DisposeAsync();
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

    // The key-range lock makes the existence check and the insert one step against a concurrent sender of the same event.
    private const string InsertSql = """
        INSERT INTO events (event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value, coupon_campaign_id)
        SELECT @eventKey, @eventId, @customerId, @type, @occurredAt, @courseId, @liveSessionId, @value, @couponCampaignId
        WHERE NOT EXISTS (SELECT 1 FROM events WITH (UPDLOCK, HOLDLOCK) WHERE event_key = @eventKey)
        """;
}
