using Console.Domain.Data;

namespace Console.Domain.Consent;

/// <summary>
/// Takes a customer off marketing email at once (RFC 8058 one-click). Repeating it changes nothing, so a mailbox
/// provider's retries and a person's second click are harmless; only a real change is recorded, with its campaign.
/// </summary>
public sealed class Unsubscribe(StatementRunner runner, TimeProvider clock)
{
    public enum Outcome { Unsubscribed, AlreadyOut, UnknownCustomer }

    private sealed record Answer(Outcome Value);

    public async Task<Outcome> ExecuteAsync(long customerId, long? emailCampaignId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var answer = await runner.WriteAsync(new WriteUnit<Answer>(async (s, t) =>
        {
            var changed = await s.ExecuteAsync(
                """
                UPDATE customers SET email_opt_in = 0, updated_at = @now WHERE id = @customerId AND email_opt_in = 1
                """, t, ("now", now), ("customerId", customerId));
            if (changed == 1)
            {
                await ConsentChanges.RecordAsync(s, customerId, false, ConsentSources.Unsubscribe, emailCampaignId, now, t);
                return new Answer(Outcome.Unsubscribed);
            }
            var known = await s.ScalarAsync<long>("SELECT COUNT(*) FROM customers WHERE id = @customerId", t, ("customerId", customerId));
            return new Answer(known > 0 ? Outcome.AlreadyOut : Outcome.UnknownCustomer);
        }, _ => true, _ => null, UndoFree: false), ct);
        return answer.Value;
    }
}
