using System.Text.Json;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Email;

/// <summary>
/// Freezes one run of a campaign: one row per customer given, each queued or final from the start (holdout, or skipped
/// for no_email, no_consent or frequency_cap), each queued one with its unsubscribe address and, when the campaign hands
/// a coupon, its own unique code. The campaign's status moves to sending in the same transaction, and only from the
/// statuses given, so two callers racing to start one send freeze it once. A run key already frozen is answered as is.
/// </summary>
public sealed class FreezeRun(StatementRunner runner, EmailOptions options, TimeProvider clock, PersonalData personal)
{
    public abstract record Outcome
    {
        public sealed record Frozen(long RunId, int Recipients, int Queued) : Outcome;
        public sealed record AlreadyFrozen(long RunId) : Outcome;
        public sealed record WrongStatus : Outcome;
    }

    private sealed record CustomerRow
    {
        public long Id { get; init; }
        public string? Email { get; init; }
        public bool EmailOptIn { get; init; }
        public bool Unsubscribed { get; init; }
    }

    private sealed record RecentRow
    {
        public long CustomerId { get; init; }
        public int Recent { get; init; }
    }

    private static readonly DialectSql ClaimCampaignSql = new(d =>
        $"""
        UPDATE email_campaigns SET status = 'sending', started_at = COALESCE(started_at, @now), updated_at = @now
        WHERE id = @id AND status IN (SELECT value FROM {DialectSql.JsonValues(d, "@from")})
        """);

    private const string ExistingRunSql = "SELECT id FROM email_runs WHERE campaign_id = @id AND run_key = @key";

    private static readonly DialectSql InsertRunSql = new(d =>
        $"""
        INSERT INTO email_runs (campaign_id, run_key, status, created_at) {DialectSql.OutputId(d)} VALUES (@id, @key, 'sending', @now)
        """);

    private static readonly DialectSql CustomersSql = new(d =>
        $"""
        SELECT c.id AS Id, c.email AS Email, c.email_opt_in AS EmailOptIn,
               CASE WHEN EXISTS (SELECT 1 FROM consent_changes x WHERE x.customer_id = c.id AND x.source = 'unsubscribe'
                   AND x.id = (SELECT MAX(y.id) FROM consent_changes y WHERE y.customer_id = c.id)) THEN 1 ELSE 0 END AS Unsubscribed
        FROM customers c WHERE c.id IN (SELECT value FROM {DialectSql.JsonValues(d)})
        """);

    // Sent in the last 7 days, or waiting in another run now: both count towards the weekly cap.
    private static readonly DialectSql RecentSql = new(d =>
        $"""
        SELECT customer_id AS CustomerId, COUNT(*) AS Recent FROM email_recipients
        WHERE customer_id IN (SELECT value FROM {DialectSql.JsonValues(d)}) AND (sent_at >= @since OR state IN ('queued', 'sending'))
        GROUP BY customer_id
        """);

    private const string InsertRecipientSql =
        """
        INSERT INTO email_recipients (run_id, campaign_id, customer_id, email, state, reason, attempts, next_attempt_at, unsubscribe_url, updated_at)
        VALUES (@RunId, @CampaignId, @CustomerId, @Email, @State, @Reason, 0, @Now, @UnsubscribeUrl, @Now)
        """;

    // The n-th queued recipient without a code of this coupon campaign gets the n-th free unique code, free by the one
    // check that experiments use too.
    private const string IssueCodesSql =
        $"""
        INSERT INTO email_coupon_codes (coupon_campaign_id, customer_id, code_id, email_campaign_id, issued_at)
        SELECT @couponId, q.customer_id, free.id, @id, @now
        FROM (SELECT r.customer_id, ROW_NUMBER() OVER (ORDER BY r.customer_id) AS n
              FROM email_recipients r
              WHERE r.run_id = @runId AND r.state = 'queued'
                AND NOT EXISTS (SELECT 1 FROM email_coupon_codes e WHERE e.coupon_campaign_id = @couponId AND e.customer_id = r.customer_id)) q
        JOIN (SELECT k.id, ROW_NUMBER() OVER (ORDER BY k.id) AS n
              FROM coupon_codes k
              WHERE k.id IN ({UniqueCodeIssue.FreeCodeIds})) free ON free.n = q.n
        """;

    private const string CopyCodesSql =
        """
        UPDATE email_recipients
        SET coupon_code = (SELECT c.code FROM email_coupon_codes e JOIN coupon_codes c ON c.id = e.code_id
                           WHERE e.coupon_campaign_id = @couponId AND e.customer_id = email_recipients.customer_id)
        WHERE run_id = @runId AND state = 'queued'
        """;

    public async Task<Outcome> ExecuteAsync(EmailCampaign campaign, string runKey, IReadOnlyList<long> customerIds, IReadOnlyList<string> fromStatuses,
        IUnsubscribeLinks links, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = JsonSerializer.Serialize(customerIds.Distinct().Order().ToArray());
        var from = JsonSerializer.Serialize(fromStatuses);
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            var existing = await run.SingleOrDefaultAsync<long?>(ExistingRunSql, token, ("id", campaign.Id), ("key", runKey));
            if (existing is { } runId) return new Outcome.AlreadyFrozen(runId);
            var claimed = await run.ExecuteAsync(ClaimCampaignSql.For(run.Dialect), token,
                ("now", now), ("id", campaign.Id), ("from", from));
            if (claimed != 1) return new Outcome.WrongStatus();
            var newRun = await run.InsertAsync(InsertRunSql.For(run.Dialect), token, ("id", campaign.Id), ("key", runKey), ("now", now));
            var customers = (await run.Connection.QueryAsync<CustomerRow>(new CommandDefinition(CustomersSql.For(run.Dialect), new { ids },
                run.Transaction, cancellationToken: token))).ToList();
            var recent = (await run.Connection.QueryAsync<RecentRow>(new CommandDefinition(RecentSql.For(run.Dialect),
                new { ids, since = now.AddDays(-7) }, run.Transaction, cancellationToken: token))).ToDictionary(r => r.CustomerId, r => r.Recent);
            var rows = customers.OrderBy(c => c.Id).Select(c =>
            {
                var address = personal.Open(c.Email)?.Trim();
                var (state, reason) = Decide(campaign, c with { Email = address }, recent.GetValueOrDefault(c.Id));
                return new
                {
                    RunId = newRun, CampaignId = campaign.Id, CustomerId = c.Id, Email = PersonalData.IsSealed(c.Email) ? c.Email : personal.Seal(address), State = state, Reason = reason, Now = now,
                    UnsubscribeUrl = state == RecipientState.Queued ? links.UrlFor(c.Id, campaign.Id) : null,
                };
            }).ToList();
            await run.Connection.ExecuteAsync(new CommandDefinition(InsertRecipientSql, rows, run.Transaction, cancellationToken: token));
            if (campaign.CouponCampaignId is { } couponId)
            {
                await run.ExecuteAsync(IssueCodesSql, token, ("couponId", couponId), ("campaignId", couponId), ("id", campaign.Id), ("now", now),
                    ("runId", newRun));
                await run.ExecuteAsync(CopyCodesSql, token, ("couponId", couponId), ("runId", newRun));
            }
            return new Outcome.Frozen(newRun, rows.Count, rows.Count(r => r.State == RecipientState.Queued));
        }, o => o is Outcome.Frozen, _ => null, UndoFree: false), ct);
    }

    private (string State, string? Reason) Decide(EmailCampaign campaign, CustomerRow c, int recent)
    {
        // The holdout is drawn from the whole segment, before consent, so that it compares like with like.
        if (Holdout.Contains(campaign.Id, c.Id, campaign.HoldoutPercent)) return (RecipientState.Holdout, null);
        if (string.IsNullOrWhiteSpace(c.Email) || !c.Email.Contains('@')) return (RecipientState.Skipped, RecipientReason.NoEmail);
        // Opted out by their own latest unsubscribe, rather than never having opted in.
        if (!c.EmailOptIn) return (RecipientState.Skipped, c.Unsubscribed ? RecipientReason.Unsubscribed : RecipientReason.NoConsent);
        if (recent >= options.FrequencyCapPerWeek) return (RecipientState.Skipped, RecipientReason.FrequencyCap);
        return (RecipientState.Queued, null);
    }
}
