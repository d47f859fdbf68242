using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>A queued recipient as the sender reads it: what the message needs, joined from the customer.</summary>
public sealed record QueuedRecipient
{
    public long Id { get; init; }
    public long CustomerId { get; init; }
    public string Email { get; init; } = "";
    public int Attempts { get; init; }
    public string? UnsubscribeUrl { get; init; }
    public string? CouponCode { get; init; }
    public string ExternalId { get; init; } = "";
    public string? Name { get; init; }
    public string? City { get; init; }
}

/// <summary>
/// The state changes of a recipient row, each a conditional update. A recipient is claimed (queued → sending) before its
/// message goes to SMTP and only the worker holding the claim can settle it, so two workers never send one row.
/// </summary>
public static class RecipientClaims
{
    public static readonly DialectSql QueuedPageSql = new(d =>
        $"""
        SELECT r.id AS Id, r.customer_id AS CustomerId, r.email AS Email, r.attempts AS Attempts, r.unsubscribe_url AS UnsubscribeUrl,
               r.coupon_code AS CouponCode, c.external_id AS ExternalId, c.name AS Name, c.city AS City
        FROM email_recipients r
        JOIN customers c ON c.id = r.customer_id
        WHERE r.run_id = @runId AND r.state = 'queued' AND r.next_attempt_at <= @now AND r.id > @after
        ORDER BY r.id {PageFragment.For(d, "0", "@take")}
        """);

    public const string ClaimSql =
        """
        UPDATE email_recipients SET state = 'sending', claimed_at = @now, claimed_by = @worker, attempts = attempts + 1, updated_at = @now
        WHERE id = @id AND state = 'queued'
        """;

    public const string SentSql =
        """
        UPDATE email_recipients SET state = 'sent', sent_at = @now, reply = @reply, updated_at = @now
        WHERE id = @id AND state = 'sending' AND claimed_by = @worker
        """;

    public const string RequeueSql =
        """
        UPDATE email_recipients SET state = 'queued', next_attempt_at = @next, reply = @reply, claimed_by = NULL, updated_at = @now
        WHERE id = @id AND state = 'sending' AND claimed_by = @worker
        """;

    public const string FailSql =
        """
        UPDATE email_recipients SET state = 'failed', reason = @reason, reply = @reply, updated_at = @now
        WHERE id = @id AND state = 'sending' AND claimed_by = @worker
        """;

    /// <summary>Rows a dead worker left in flight: their lease has passed, so no live worker can still settle them.</summary>
    public const string InterruptedSql =
        """
        UPDATE email_recipients SET state = 'failed', reason = 'interrupted',
               reply = 'The worker stopped while this message was being handed to the server; it may or may not have been delivered, and is not sent again.',
               updated_at = @now
        WHERE run_id = @runId AND state = 'sending' AND claimed_at < @cutoff
        """;

    public const string OpenCountsSql =
        """
        SELECT SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END) AS Queued,
               SUM(CASE WHEN state = 'sending' THEN 1 ELSE 0 END) AS Sending,
               MIN(CASE WHEN state = 'queued' THEN next_attempt_at END) AS NextAttemptAt
        FROM email_recipients WHERE run_id = @runId AND state IN ('queued', 'sending')
        """;

    public sealed record OpenCounts
    {
        public long? Queued { get; init; }
        public long? Sending { get; init; }
        public DateTime? NextAttemptAt { get; init; }
    }
}
