using System.Data.Common;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>
/// The store half of coupon rules: is the code known, live, for this course and this customer, and not used up?
/// Codes that pass become CouponTerms for the price arithmetic; the rest are rejected with their refusal code.
/// </summary>
internal static class CouponChecks
{
    private sealed record Row
    {
        public long CodeId { get; init; }
        public string Code { get; init; } = "";
        public bool IsUnique { get; init; }
        public long CodeUses { get; init; }
        public long CampaignId { get; init; }
        public string Kind { get; init; } = "";
        public long Value { get; init; }
        public long? MinSpend { get; init; }
        public long? MaxDiscount { get; init; }
        public string Eligibility { get; init; } = "";
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
        public long? LiveSessionId { get; init; }
        public long? ClaimMinutes { get; init; }
        public long? SegmentId { get; init; }
    }

    public static async Task<(List<CouponTerms> Terms, List<RejectedCoupon> Rejected)> CheckAsync(Statements run, PriceRequest request,
        DateTime now, Segments.SegmentMembers segments, CancellationToken ct)
    {
        var terms = new List<CouponTerms>();
        var rejected = new List<RejectedCoupon>();
        foreach (var code in request.CouponCodes)
        {
            var normalised = CouponCampaignRules.Normalise(code);
            var row = await run.SingleOrDefaultAsync<Row>(LookUpSql, ct, ("code", normalised));
            var refusal = row is null ? CouponRefusals.NotFound : await RefusalAsync(run, row, request, now, segments, ct);
            if (refusal is not null) rejected.Add(new RejectedCoupon(code, refusal));
            else
                terms.Add(new CouponTerms(row!.Code, row.CampaignId, row.CodeId, row.Kind, row.Value, row.MinSpend, row.MaxDiscount,
                    row.Stackable, row.Priority, row.Budget - row.BudgetUsed, row.PerCustomerLimit, row.IsUnique));
        }
        return (terms, rejected);
    }

    private const string LookUpSql =
        """
        SELECT k.id AS CodeId, k.code, k.is_unique AS IsUnique, k.uses AS CodeUses, c.id AS CampaignId, c.kind, c.value,
               c.min_spend AS MinSpend, c.max_discount AS MaxDiscount, c.eligibility, c.audience, c.starts_at AS StartsAt,
               c.ends_at AS EndsAt, c.total_limit AS TotalLimit, c.per_customer_limit AS PerCustomerLimit, c.budget,
               c.budget_used AS BudgetUsed, c.uses, c.stackable, c.priority, c.status, c.live_session_id AS LiveSessionId,
               c.claim_minutes AS ClaimMinutes, s.segment_id AS SegmentId
        FROM coupon_codes k JOIN coupon_campaigns c ON c.id = k.campaign_id
        LEFT JOIN coupon_campaign_segments s ON s.campaign_id = c.id
        WHERE k.code = @code
        """;

    private static async Task<string?> RefusalAsync(Statements run, Row c, PriceRequest request, DateTime now,
        Segments.SegmentMembers segments, CancellationToken ct)
    {
        var (connection, tx) = (run.Connection, run.Transaction);
        if (c.Status == CampaignStatus.Draft) return CouponRefusals.NotFound;
        if (c.Status == CampaignStatus.Ended || c.EndsAt <= now) return CouponRefusals.Expired;
        if (c.Status == CampaignStatus.Paused) return CouponRefusals.Paused;
        if (c.StartsAt > now) return CouponRefusals.NotStarted;
        var args = new { c.CampaignId, courseId = request.Course.Id, request.Course.Category, request.CustomerId, c.LiveSessionId,
            since = now.AddMinutes(-(c.ClaimMinutes ?? 0)), c.ClaimMinutes };
        var eligible = c.Eligibility switch
        {
            "courses" => await ExistsAsync(connection, tx, """
                SELECT COUNT(*) FROM coupon_campaign_courses WHERE campaign_id = @CampaignId AND course_id = @courseId
                """, args, ct),
            "categories" => await ExistsAsync(connection, tx, """
                SELECT COUNT(*) FROM coupon_campaign_categories WHERE campaign_id = @CampaignId AND category = @Category
                """, args, ct),
            _ => true,
        };
        if (!eligible) return CouponRefusals.CourseNotEligible;
        var inAudience = c.Audience switch
        {
            Audiences.NewCustomers => request.CustomerId is null || !await ExistsAsync(connection, tx, """
                SELECT COUNT(*) FROM orders WHERE customer_id = @CustomerId
                """, args, ct),
            // A claim naming its code counts for that code's campaign only; one without counts for every claimers-only
            // campaign of its session.
            Audiences.LiveClaimers => request.CustomerId is not null && await ExistsAsync(connection, tx, """
                SELECT COUNT(*) FROM events
                WHERE customer_id = @CustomerId AND type = 'coupon_claim'
                  AND (coupon_campaign_id = @CampaignId
                       OR (coupon_campaign_id IS NULL AND (@LiveSessionId IS NULL OR live_session_id = @LiveSessionId)))
                  AND (@ClaimMinutes IS NULL OR occurred_at >= @since)
                """, args, ct),
            Audiences.List => request.CustomerId is not null && await ExistsAsync(connection, tx, """
                SELECT COUNT(*) FROM coupon_campaign_customers WHERE campaign_id = @CampaignId AND customer_id = @CustomerId
                """, args, ct),
            _ => true,
        };
        // A segment audience: one look-up of this customer on the checkout's own statements, never a scan of the segment.
        if (c.SegmentId is { } segmentId)
            inAudience = request.CustomerId is { } member && await segments.ContainsAsync(run, segmentId, member, ct);
        if (!inAudience || await Surveys.DetractorRule.ExcludesAsync(run, c.CampaignId, request.CustomerId, now, ct))
            return CouponRefusals.AudienceNotEligible;
        if (c.Uses >= c.TotalLimit || c.BudgetUsed >= c.Budget || (c.IsUnique && c.CodeUses > 0)) return CouponRefusals.Exhausted;
        if (c.PerCustomerLimit is { } limit && request.CustomerId is { } customerId
            && await CustomerUsesAsync(run, c.CampaignId, customerId, lockRows: false, ct) >= limit)
            return CouponRefusals.CustomerLimitReached;
        return null;
    }

    /// <summary>Uses that count against a customer's limit: every redemption whose use was not given back by a refund.</summary>
    public static Task<long> CustomerUsesAsync(Statements run, long campaignId, long customerId, bool lockRows, CancellationToken ct) =>
        run.ScalarAsync<long>(lockRows && run.Dialect == Dialect.SqlServer
            ? """
              SELECT COUNT(*) FROM coupon_redemptions WITH (UPDLOCK, HOLDLOCK)
              WHERE campaign_id = @campaignId AND customer_id = @customerId AND use_returned = 0
              """
            : """
              SELECT COUNT(*) FROM coupon_redemptions
              WHERE campaign_id = @campaignId AND customer_id = @customerId AND use_returned = 0
              """, ct, ("campaignId", campaignId), ("customerId", customerId));

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? tx, string sql, object args, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, tx, cancellationToken: ct)) > 0;
}
