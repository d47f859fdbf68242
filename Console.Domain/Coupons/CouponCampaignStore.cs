using System.Data.Common;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>Reads a campaign with its figures, and writes the link rows a create and an update share.</summary>
internal static class CouponCampaignStore
{
    private sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public long Value { get; init; }
        public long? MinSpend { get; init; }
        public long? MaxDiscount { get; init; }
        public string Audience { get; init; } = "";
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
        public long? TotalLimit { get; init; }
        public long? PerCustomerLimit { get; init; }
        public long? Budget { get; init; }
        public long BudgetUsed { get; init; }
        public long Uses { get; init; }
        public bool Stackable { get; init; }
        public long Priority { get; init; }
        public string Status { get; init; } = "";
        public bool ReturnUseOnRefund { get; init; }
        public string? LiveSessionExternalId { get; init; }
        public long? ClaimMinutes { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    private sealed record Figures
    {
        public long DiscountGiven { get; init; }
        public long Revenue { get; init; }
        public string? SharedCode { get; init; }
        public long UniqueCodes { get; init; }
        public long UniqueCodesUsed { get; init; }
    }

    public static async Task<CouponCampaign?> LoadAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT c.id, c.name, c.kind, c.value, c.min_spend AS MinSpend, c.max_discount AS MaxDiscount, c.audience,
                   c.starts_at AS StartsAt, c.ends_at AS EndsAt, c.total_limit AS TotalLimit, c.per_customer_limit AS PerCustomerLimit,
                   c.budget, c.budget_used AS BudgetUsed, c.uses, c.stackable, c.priority, c.status,
                   c.return_use_on_refund AS ReturnUseOnRefund, ls.external_id AS LiveSessionExternalId, c.claim_minutes AS ClaimMinutes,
                   c.created_at AS CreatedAt, c.updated_at AS UpdatedAt
            FROM coupon_campaigns c LEFT JOIN live_sessions ls ON ls.id = c.live_session_id
            WHERE c.id = @id
            """, new { id }, tx, cancellationToken: ct));
        if (row is null) return null;
        var figures = await connection.QuerySingleAsync<Figures>(new CommandDefinition(
            """
            SELECT (SELECT COALESCE(SUM(r.amount), 0) FROM coupon_redemptions r WHERE r.campaign_id = @id AND r.reversed_at IS NULL) AS DiscountGiven,
                   (SELECT COALESCE(SUM(o.payable - o.refunded), 0) FROM orders o
                    WHERE o.id IN (SELECT r.order_id FROM coupon_redemptions r WHERE r.campaign_id = @id)) AS Revenue,
                   (SELECT MIN(k.code) FROM coupon_codes k WHERE k.campaign_id = @id AND k.is_unique = 0) AS SharedCode,
                   (SELECT COUNT(*) FROM coupon_codes k WHERE k.campaign_id = @id AND k.is_unique = 1) AS UniqueCodes,
                   (SELECT COUNT(*) FROM coupon_codes k WHERE k.campaign_id = @id AND k.is_unique = 1 AND k.uses > 0) AS UniqueCodesUsed
            """, new { id }, tx, cancellationToken: ct));
        var courses = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT co.external_id FROM coupon_campaign_courses cc JOIN courses co ON co.id = cc.course_id
            WHERE cc.campaign_id = @id ORDER BY co.external_id
            """, new { id }, tx, cancellationToken: ct));
        var categories = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT category FROM coupon_campaign_categories WHERE campaign_id = @id ORDER BY category
            """, new { id }, tx, cancellationToken: ct));
        var customers = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT cu.external_id FROM coupon_campaign_customers cc JOIN customers cu ON cu.id = cc.customer_id
            WHERE cc.campaign_id = @id ORDER BY cu.external_id
            """, new { id }, tx, cancellationToken: ct));
        var segmentId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT segment_id FROM coupon_campaign_segments WHERE campaign_id = @id
            """, new { id }, tx, cancellationToken: ct));
        return new CouponCampaign(row.Id, row.Name, row.Kind, row.Value, row.MinSpend, row.MaxDiscount, courses.ToList(),
            categories.ToList(), segmentId is null ? row.Audience : Audiences.Segment, customers.ToList(), row.StartsAt, row.EndsAt, row.TotalLimit, row.PerCustomerLimit,
            row.Budget, row.BudgetUsed, row.Stackable, row.Priority, row.Status, row.ReturnUseOnRefund, row.LiveSessionExternalId,
            row.ClaimMinutes, row.Uses, figures.DiscountGiven, figures.Revenue, figures.SharedCode, figures.UniqueCodes,
            figures.UniqueCodesUsed, row.CreatedAt, row.UpdatedAt) { AudienceSegmentId = segmentId };
    }

    /// <summary>Replaces the eligible courses, categories and audience list of a campaign with the checked ones.</summary>
    public static async Task WriteLinksAsync(DbConnection connection, DbTransaction tx, long id, CouponCampaignSpec spec, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM coupon_campaign_courses WHERE campaign_id = @id;
            DELETE FROM coupon_campaign_categories WHERE campaign_id = @id;
            DELETE FROM coupon_campaign_customers WHERE campaign_id = @id;
            DELETE FROM coupon_campaign_segments WHERE campaign_id = @id;
            """, new { id }, tx, cancellationToken: ct));
        if (spec.SegmentId is { } segmentId)
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO coupon_campaign_segments (campaign_id, segment_id) VALUES (@id, @segmentId)
                """, new { id, segmentId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO coupon_campaign_courses (campaign_id, course_id) VALUES (@id, @courseId)
            """, spec.CourseIds.Select(courseId => new { id, courseId }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO coupon_campaign_categories (campaign_id, category) VALUES (@id, @category)
            """, spec.Categories.Select(category => new { id, category }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO coupon_campaign_customers (campaign_id, customer_id) VALUES (@id, @customerId)
            """, spec.CustomerIds.Select(customerId => new { id, customerId }), tx, cancellationToken: ct));
    }
}
