using System.Globalization;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>
/// Changes any fields of a campaign (e.g. pausing it). The changed campaign is checked as a whole by the same rules as
/// a new one, plus: the total limit may not go below the uses already made. Codes are fixed when a campaign is created.
/// A patch keeps every field it leaves null; a replacement (the console's edit form) clears them.
/// </summary>
public sealed class UpdateCouponCampaign(Db db, TimeProvider clock, MoneyBounds money)
{
    public abstract record Outcome
    {
        public sealed record Updated(CouponCampaign Campaign) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long id, CouponCampaignInput patch, string actor, CancellationToken ct = default,
        bool replace = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await CouponCampaignStore.LoadAsync(connection, tx, id, ct);
        if (before is null) return new Outcome.NotFound();

        var fields = new OrderFields();
        if (patch.Code is not null || patch.GenerateCodes is not null)
            fields.Add(patch.Code is not null ? "code" : "generateCodes", FieldCodes.CodesFixed);
        var spec = await CouponCampaignRules.CheckAsync(connection, tx, replace ? patch : Merge(Input(before), patch), fields, money, ct);
        if (spec?.TotalLimit < before.Uses) fields.Add("totalLimit", FieldCodes.BelowUses, before.Uses);
        if (spec is null || !fields.Valid) return new Outcome.Invalid(fields.Errors);

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE coupon_campaigns
            SET name = @Name, kind = @Kind, value = @Value, min_spend = @MinSpend, max_discount = @MaxDiscount,
                eligibility = @Eligibility, audience = @Audience, starts_at = @StartsAt, ends_at = @EndsAt,
                total_limit = @TotalLimit, per_customer_limit = @PerCustomerLimit, budget = @Budget, stackable = @Stackable,
                priority = @Priority, status = @Status, return_use_on_refund = @ReturnUseOnRefund,
                live_session_id = @LiveSessionId, claim_minutes = @ClaimMinutes, updated_at = @now
            WHERE id = @id
            """, new
            {
                id, spec.Name, spec.Kind, spec.Value, spec.MinSpend, spec.MaxDiscount, spec.Eligibility, spec.Audience, spec.StartsAt,
                spec.EndsAt, spec.TotalLimit, spec.PerCustomerLimit, spec.Budget, spec.Stackable, spec.Priority, spec.Status,
                spec.ReturnUseOnRefund, spec.LiveSessionId, spec.ClaimMinutes, now,
            }, tx, cancellationToken: ct));
        await CouponCampaignStore.WriteLinksAsync(connection, tx, id, spec, ct);
        var after = await CouponCampaignStore.LoadAsync(connection, tx, id, ct)
            ?? throw new InvalidOperationException($"Coupon campaign {id} vanished inside its own update.");
        await Audit.WriteAsync(connection, tx, actor, "coupon_campaign.update", "coupon_campaign", id.ToString(), before, after, now);
        await tx.CommitAsync(ct);
        return new Outcome.Updated(after);
    }

    private static CouponCampaignInput Input(CouponCampaign c) => new(c.Name, c.Kind, Money.ToDecimal(c.Value),
        Dec(c.MinSpend), Dec(c.MaxDiscount), c.CourseExternalIds.ToList<string?>(), c.Categories.ToList<string?>(), c.Audience,
        c.AudienceCustomerExternalIds.ToList<string?>(), Iso(c.StartsAt), Iso(c.EndsAt), c.TotalLimit, c.PerCustomerLimit,
        Dec(c.Budget), c.Stackable, c.Priority, null, null, c.ReturnUseOnRefund, c.Status, c.LiveSessionExternalId, c.ClaimMinutes,
        c.AudienceSegmentId);

    private static CouponCampaignInput Merge(CouponCampaignInput current, CouponCampaignInput patch) => new(
        patch.Name ?? current.Name, patch.Kind ?? current.Kind, patch.Value ?? current.Value, patch.MinSpend ?? current.MinSpend,
        patch.MaxDiscount ?? current.MaxDiscount, patch.CourseExternalIds ?? current.CourseExternalIds,
        patch.Categories ?? current.Categories, patch.Audience ?? current.Audience,
        patch.AudienceCustomerExternalIds ?? current.AudienceCustomerExternalIds, patch.StartsAt ?? current.StartsAt,
        patch.EndsAt ?? current.EndsAt, patch.TotalLimit ?? current.TotalLimit, patch.PerCustomerLimit ?? current.PerCustomerLimit,
        patch.Budget ?? current.Budget, patch.Stackable ?? current.Stackable, patch.Priority ?? current.Priority, null, null,
        patch.ReturnUseOnRefund ?? current.ReturnUseOnRefund, patch.Status ?? current.Status,
        patch.LiveSessionExternalId ?? current.LiveSessionExternalId, patch.ClaimMinutes ?? current.ClaimMinutes,
        patch.AudienceSegmentId ?? current.AudienceSegmentId);

    private static decimal? Dec(long? fen) => fen is { } f ? Money.ToDecimal(f) : null;

    private static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
