using System.Data.Common;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>
/// Creates a coupon campaign with either one shared code (given, or generated when none is given) or N unique
/// single-use codes, and writes it to the audit log in the same transaction.
/// </summary>
public sealed class CreateCouponCampaign(Db db, TimeProvider clock, MoneyBounds money)
{
    public const int MaxGeneratedCodes = CouponCampaignRules.MaxGeneratedCodes;

    public abstract record Outcome
    {
        public sealed record Created(long Id, IReadOnlyList<string> Codes) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(CouponCampaignInput input, string actor, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // A generated code that collides with a stored one fails the insert; fresh codes on the next try.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreateAsync(connection, input, actor, ct);
            }
            catch (DbException e) when (StatementRunner.IsUniqueViolation(e) && attempt < 3)
            {
            }
        }
    }

    private async Task<Outcome> CreateAsync(DbConnection connection, CouponCampaignInput input, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = new OrderFields();
        await using var tx = await connection.BeginTransactionAsync(ct);
        var spec = await CouponCampaignRules.CheckAsync(connection, tx, input, fields, money, ct);
        var shared = CouponCampaignRules.SharedCode(fields, input.Code);
        var generate = fields.Whole("generateCodes", input.GenerateCodes, 1, CouponCampaignRules.MaxGeneratedCodes);
        if (shared is not null && input.GenerateCodes is not null) fields.Add("code", FieldCodes.CodeOrGenerated);
        if (shared is not null && (await UniqueCodeIssue.TakenAsync(connection, tx, db.Dialect, [shared], ct)).Count > 0)
            fields.Add("code", FieldCodes.CodeTaken, shared);
        if (spec is null || !fields.Valid) return new Outcome.Invalid(fields.Errors);

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.IsSqlite
            ? """
              INSERT INTO coupon_campaigns (name, kind, value, min_spend, max_discount, eligibility, audience, starts_at, ends_at,
                  total_limit, per_customer_limit, budget, budget_used, uses, stackable, priority, status, return_use_on_refund,
                  live_session_id, claim_minutes, created_at, updated_at)
              VALUES (@Name, @Kind, @Value, @MinSpend, @MaxDiscount, @Eligibility, @Audience, @StartsAt, @EndsAt,
                  @TotalLimit, @PerCustomerLimit, @Budget, 0, 0, @Stackable, @Priority, @Status, @ReturnUseOnRefund,
                  @LiveSessionId, @ClaimMinutes, @now, @now);
              SELECT last_insert_rowid();
              """
            : """
              INSERT INTO coupon_campaigns (name, kind, value, min_spend, max_discount, eligibility, audience, starts_at, ends_at,
                  total_limit, per_customer_limit, budget, budget_used, uses, stackable, priority, status, return_use_on_refund,
                  live_session_id, claim_minutes, created_at, updated_at)
              OUTPUT INSERTED.id
              VALUES (@Name, @Kind, @Value, @MinSpend, @MaxDiscount, @Eligibility, @Audience, @StartsAt, @EndsAt,
                  @TotalLimit, @PerCustomerLimit, @Budget, 0, 0, @Stackable, @Priority, @Status, @ReturnUseOnRefund,
                  @LiveSessionId, @ClaimMinutes, @now, @now);
              """, new
            {
                spec.Name, spec.Kind, spec.Value, spec.MinSpend, spec.MaxDiscount, spec.Eligibility, spec.Audience, spec.StartsAt,
                spec.EndsAt, spec.TotalLimit, spec.PerCustomerLimit, spec.Budget, spec.Stackable, spec.Priority, spec.Status,
                spec.ReturnUseOnRefund, spec.LiveSessionId, spec.ClaimMinutes, now,
            }, tx, cancellationToken: ct));
        await CouponCampaignStore.WriteLinksAsync(connection, tx, id, spec, ct);
        var codes = shared is not null ? [shared] : await FreshCodesAsync(connection, tx, (int)(generate ?? 1), ct);
        var isUnique = generate is not null;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO coupon_codes (code, campaign_id, is_unique, uses, created_at) VALUES (@code, @id, @isUnique, 0, @now)
            """, codes.Select(code => new { code, id, isUnique, now }), tx, cancellationToken: ct));
        await Audit.WriteAsync(connection, tx, actor, "coupon_campaign.create", "coupon_campaign", id.ToString(), null,
            new { spec, codes = isUnique ? new[] { $"{codes.Count} unique codes" } : codes.ToArray() }, now);
        await tx.CommitAsync(ct);
        return new Outcome.Created(id, codes);
    }

    /// <summary>Generated codes that no coupon or KOL holds: a drawn code that is taken is drawn again.</summary>
    private async Task<IReadOnlyList<string>> FreshCodesAsync(DbConnection connection, DbTransaction tx, int count, CancellationToken ct)
    {
        var codes = CouponCodeGenerator.Generate(count).ToList();
        for (var draw = 0; draw < 5; draw++)
        {
            var taken = await UniqueCodeIssue.TakenAsync(connection, tx, db.Dialect, codes, ct);
            if (taken.Count == 0) return codes;
            var kept = codes.Where(c => !taken.Contains(c)).ToHashSet(StringComparer.Ordinal);
            foreach (var fresh in CouponCodeGenerator.Generate(taken.Count * 2))
                if (kept.Count < count) kept.Add(fresh);
            codes = kept.ToList();
        }
        throw new InvalidOperationException("No free coupon codes after five draws.");
    }
}
