using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>What the results are computed from: who was assigned when, and their paid orders and metric events.</summary>
public sealed record ResultsData(IReadOnlyList<ResultsData.Exposure> Exposures, IReadOnlyList<ResultsData.Order> Orders,
    IReadOnlyList<ResultsData.Event> Events)
{
    /// <summary>VariantId null is the holdout.</summary>
    public sealed record Exposure
    {
        public long CustomerId { get; init; }
        public long? VariantId { get; init; }
        public DateTime ExposedAt { get; init; }
    }

    /// <summary>A paid order in fen; InMetric says it is of the metric's courses (every course when none are named).</summary>
    public sealed record Order
    {
        public long CustomerId { get; init; }
        public DateTime PaidAt { get; init; }
        public long Payable { get; init; }
        public long Refunded { get; init; }
        public long InMetric { get; init; }
    }

    public sealed record Event
    {
        public long CustomerId { get; init; }
        public DateTime OccurredAt { get; init; }
    }

    private const string ExposuresSql =
        """
        SELECT customer_id AS CustomerId, variant_id AS VariantId, exposed_at AS ExposedAt
        FROM experiment_exposures WHERE experiment_id = @id ORDER BY id
        """;

    // Orders still waiting for their team (awaiting_group) or owed back (refund_due) are not sales yet.
    private const string OrdersSql =
        """
        SELECT o.customer_id AS CustomerId, o.paid_at AS PaidAt, o.payable, o.refunded,
               CASE WHEN NOT EXISTS (SELECT 1 FROM experiment_metric_courses m WHERE m.experiment_id = @id)
                      OR EXISTS (SELECT 1 FROM experiment_metric_courses m WHERE m.experiment_id = @id AND m.course_id = o.course_id)
                    THEN 1 ELSE 0 END AS InMetric
        FROM experiment_exposures x
        JOIN orders o ON o.customer_id = x.customer_id
        WHERE x.experiment_id = @id AND o.paid_at < @end AND o.status IN ('paid', 'partially_refunded', 'refunded')
        """;

    private const string EventsSql =
        """
        SELECT e.customer_id AS CustomerId, e.occurred_at AS OccurredAt
        FROM experiment_exposures x
        JOIN events e ON e.customer_id = x.customer_id
        WHERE x.experiment_id = @id AND e.type = @type AND e.occurred_at < @end
        """;

    public static async Task<ResultsData> LoadAsync(Db db, Experiment experiment, DateTime endUtc, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var id = experiment.Id;
        var exposures = await connection.QueryAsync<Exposure>(new CommandDefinition(ExposuresSql, new { id }, cancellationToken: ct));
        var orders = await connection.QueryAsync<Order>(new CommandDefinition(OrdersSql, new { id, end = endUtc }, cancellationToken: ct));
        var events = experiment.MetricKind == MetricKinds.Event
            ? await connection.QueryAsync<Event>(new CommandDefinition(EventsSql, new { id, type = experiment.MetricEventType, end = endUtc },
                cancellationToken: ct))
            : [];
        return new ResultsData(exposures.ToList(), orders.ToList(), events.ToList());
    }

    /// <summary>The same rows on a connection already open (the demo seeder's, inside its transaction).</summary>
    public static ResultsData Load(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, Experiment experiment,
        DateTime endUtc)
    {
        var id = experiment.Id;
        var exposures = connection.Query<Exposure>(ExposuresSql, new { id }, tx);
        var orders = connection.Query<Order>(OrdersSql, new { id, end = endUtc }, tx);
        var events = experiment.MetricKind == MetricKinds.Event
            ? connection.Query<Event>(EventsSql, new { id, type = experiment.MetricEventType, end = endUtc }, tx)
            : [];
        return new ResultsData(exposures.ToList(), orders.ToList(), events.ToList());
    }
}
