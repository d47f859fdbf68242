using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// The audience rule "not detractors of the last N days" of a coupon campaign: set or cleared here, and checked at
/// checkout by the coupon rules, where a customer whose NPS answer in that window was 0–6 is outside the audience.
/// </summary>
public sealed class DetractorRule(StatementRunner runner, TimeProvider clock)
{
    public const int MaxDays = 3650;

    public abstract record Outcome
    {
        public sealed record Set(long CampaignId, int? Days) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    /// <summary>Days null or 0 clears the rule.</summary>
    public async Task<Outcome> SetAsync(long campaignId, int? days, string actor, CancellationToken ct = default)
    {
        if (days is < 0 or > MaxDays)
        {
            var errors = new FieldErrors();
            errors.Add("days", FieldCodes.Between, 0, MaxDays);
            return new Outcome.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var keep = days is > 0 ? days : null;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, t) =>
        {
            var tx = s.Transaction!;
            if (await s.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    SELECT COUNT(*) FROM coupon_campaigns WHERE id = @campaignId
                    """, new { campaignId }, tx, cancellationToken: t)) == 0)
                return new Outcome.NotFound();
            await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM coupon_campaign_detractor_rules WHERE campaign_id = @campaignId
                """, new { campaignId }, tx, cancellationToken: t));
            if (keep is not null)
                await s.Connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO coupon_campaign_detractor_rules (campaign_id, days, updated_at) VALUES (@campaignId, @keep, @now)
                    """, new { campaignId, keep, now }, tx, cancellationToken: t));
            await Audit.WriteAsync(s.Connection, tx, actor, "coupon_campaign.detractor_rule", "coupon_campaign", campaignId.ToString(), null,
                new { days = keep }, now);
            return new Outcome.Set(campaignId, keep);
        }, o => o is Outcome.Set, _ => null, UndoFree: true), ct);
    }

    /// <summary>Whether the campaign leaves this customer out as a recent detractor; false without a rule or a customer.</summary>
    public static async Task<bool> ExcludesAsync(Statements run, long campaignId, long? customerId, DateTime now, CancellationToken ct)
    {
        if (customerId is null) return false;
        // 0 when the campaign has no rule: the one statement answers on every campaign, as the checkout path prefers.
        var days = await run.ScalarAsync<long>(
            """
            SELECT COALESCE(MAX(days), 0) FROM coupon_campaign_detractor_rules WHERE campaign_id = @campaignId
            """, ct, ("campaignId", campaignId));
        if (days == 0) return false;
        return await run.ScalarAsync<long>(
            """
            SELECT COUNT(*) FROM survey_responses WHERE customer_id = @customerId AND nps_score <= 6 AND submitted_at >= @since
            """, ct, ("customerId", customerId), ("since", now.AddDays(-days))) > 0;
    }
}
