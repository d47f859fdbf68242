using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Experiments;

/// <summary>The stored assignment of a customer, and the one write that records it together with the code handed over.</summary>
internal static class ExposureStore
{
    public sealed record Stored
    {
        public long? VariantId { get; init; }
        public string? CouponCode { get; init; }
        public DateTime ExposedAt { get; init; }
    }

    /// <summary>One call's read: the experiment's id and revision, and the customer's stored assignment when there is one.</summary>
    public sealed record Look
    {
        public long ExperimentId { get; init; }
        public long Revision { get; init; }
        public long? VariantId { get; init; }
        public string? CouponCode { get; init; }
        public DateTime? ExposedAt { get; init; }

        public Stored? Stored => ExposedAt is { } at ? new Stored { VariantId = VariantId, CouponCode = CouponCode, ExposedAt = at } : null;
    }

    private const string LookSql =
        """
        SELECT e.id AS ExperimentId, e.revision AS Revision, x.variant_id AS VariantId, x.exposed_at AS ExposedAt,
               COALESCE(k.code, (SELECT MIN(s.code) FROM experiment_variants v JOIN coupon_codes s ON s.campaign_id = v.coupon_campaign_id
                                 WHERE v.id = x.variant_id AND s.is_unique = 0)) AS CouponCode
        FROM experiments e
        LEFT JOIN customers c ON c.external_id = @customer
        LEFT JOIN experiment_exposures x ON x.experiment_id = e.id AND x.customer_id = c.id
        LEFT JOIN coupon_codes k ON k.id = x.coupon_code_id
        WHERE e.experiment_key = @key
        """;

    /// <summary>Null when no experiment has the key.</summary>
    public static Task<Look?> LookAsync(Statements run, string key, string customer, CancellationToken ct) =>
        run.SingleOrDefaultAsync<Look>(LookSql, ct, ("key", key), ("customer", customer));

    public static async Task<IReadOnlyList<string>> RunningKeysAsync(Statements read, CancellationToken ct) =>
        (await Dapper.SqlMapper.QueryAsync<string>(read.Connection, new Dapper.CommandDefinition(
            """
            SELECT experiment_key FROM experiments WHERE status = 'running' ORDER BY id
            """, cancellationToken: ct))).ToList();

    private const string StoredSql =
        """
        SELECT x.variant_id AS VariantId, x.exposed_at AS ExposedAt,
               COALESCE(k.code, (SELECT MIN(s.code) FROM experiment_variants v JOIN coupon_codes s ON s.campaign_id = v.coupon_campaign_id
                                 WHERE v.id = x.variant_id AND s.is_unique = 0)) AS CouponCode
        FROM experiment_exposures x
        LEFT JOIN coupon_codes k ON k.id = x.coupon_code_id
        WHERE x.experiment_id = @experimentId AND x.customer_id = @customerId
        """;

    private const string SqliteInsert =
        """
        INSERT INTO experiment_exposures (experiment_id, customer_id, variant_id, exposed_at)
        VALUES (@experimentId, @customerId, @variantId, @now)
        ON CONFLICT (experiment_id, customer_id) DO NOTHING
        """;

    private const string SqlServerInsert =
        """
        INSERT INTO experiment_exposures (experiment_id, customer_id, variant_id, exposed_at)
        SELECT @experimentId, @customerId, @variantId, @now
        WHERE NOT EXISTS (SELECT 1 FROM experiment_exposures WITH (UPDLOCK, HOLDLOCK)
                          WHERE experiment_id = @experimentId AND customer_id = @customerId)
        """;

    // A unique code goes to one customer only: the lowest one neither used nor handed to anyone yet, by an experiment or an email.
    private static readonly DialectSql FreeUniqueCodeSql = new(d =>
        $"""
        SELECT k.id FROM coupon_codes k
        WHERE k.id IN ({Coupons.UniqueCodeIssue.FreeCodeIds})
        ORDER BY k.id {PageFragment.For(d, "0", "1")}
        """);

    private const string HandCodeSql =
        """
        UPDATE experiment_exposures SET coupon_code_id = @codeId WHERE experiment_id = @experimentId AND customer_id = @customerId
        """;

    /// <summary>
    /// Inserts the assignment unless one is stored, hands the variant's code with the insert that won, and answers the stored row.
    /// A campaign with unique codes hands each customer its own (none once they run out); a shared code is read with the row.
    /// </summary>
    public static async Task<Stored> RecordAsync(Statements run, long experimentId, string customer, ExperimentVariant? variant, DateTime now,
        CancellationToken ct)
    {
        var customerId = await OrderStore.AddStubCustomerAsync(run, customer, now, ct);
        var inserted = await run.ExecuteAsync(run.Dialect == Dialect.Sqlite ? SqliteInsert : SqlServerInsert, ct,
            ("experimentId", experimentId), ("customerId", customerId), ("variantId", variant?.Id), ("now", now));
        if (inserted == 1 && variant?.CouponCampaignId is { } campaignId)
        {
            var codeId = await run.SingleOrDefaultAsync<long?>(FreeUniqueCodeSql.For(run.Dialect), ct, ("campaignId", campaignId));
            if (codeId is not null)
                await run.ExecuteAsync(HandCodeSql, ct, ("codeId", codeId), ("experimentId", experimentId), ("customerId", customerId));
        }
        return (await run.SingleOrDefaultAsync<Stored>(StoredSql, ct, ("experimentId", experimentId), ("customerId", customerId)))!;
    }
}
