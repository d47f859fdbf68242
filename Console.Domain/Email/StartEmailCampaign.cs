using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Segments;

namespace Console.Domain.Email;

/// <summary>
/// The send button: a draft with a later sendAt, a weekly repeat or a trigger is armed (scheduled) for the dispatch job;
/// any other draft has its recipients frozen now. Either way it happens once: a second call is refused.
/// </summary>
public sealed class StartEmailCampaign(StatementRunner runner, GetEmailCampaign campaigns, FreezeRun freeze, TimeProvider clock,
    ISegmentMembers? segments = null, IUnsubscribeLinks? links = null)
{
    public abstract record Outcome
    {
        public sealed record Started(long RunId, int Recipients) : Outcome;
        public sealed record Scheduled : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record AlreadySent : Outcome;
        public sealed record Unavailable : Outcome;
    }

    private const string ArmSql =
        """
        UPDATE email_campaigns SET status = 'scheduled', updated_at = @now WHERE id = @id AND status = 'draft'
        """;

    private sealed record Changed(int Rows);

    public async Task<Outcome> ExecuteAsync(long id, string actor, CancellationToken ct = default, string? reason = null)
    {
        if (await campaigns.FindAsync(id, ct) is not { } view) return new Outcome.NotFound();
        var campaign = view.Campaign;
        if (campaign.Status != EmailCampaignStatus.Draft) return new Outcome.AlreadySent();
        var now = clock.GetUtcNow().UtcDateTime;
        if (campaign.RepeatWeekly || campaign.TriggerKind is not null || campaign.SendAt > now)
        {
            var armed = await runner.WriteAsync(new WriteUnit<Changed>(async (run, token) =>
            {
                var rows = await run.ExecuteAsync(ArmSql, token, ("now", now), ("id", id));
                if (rows == 1)
                    await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "email_campaign.schedule", "email_campaign", id.ToString(),
                        new { status = campaign.Status }, new { status = EmailCampaignStatus.Scheduled, reason }, now);
                return new Changed(rows);
            }, _ => true, _ => null, UndoFree: false), ct);
            return armed.Rows == 1 ? new Outcome.Scheduled() : new Outcome.AlreadySent();
        }
        if (segments is null || links is null) return new Outcome.Unavailable();
        var members = await segments.CustomerIdsAsync(campaign.SegmentId, ct);
        var frozen = await freeze.ExecuteAsync(campaign, "once", members, [EmailCampaignStatus.Draft], links, ct);
        if (frozen is not FreezeRun.Outcome.Frozen f) return new Outcome.AlreadySent();
        await runner.WriteAsync(new WriteUnit<Changed>(async (run, token) =>
        {
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "email_campaign.send", "email_campaign", id.ToString(),
                new { status = campaign.Status }, new { status = EmailCampaignStatus.Sending, f.Recipients, reason }, now);
            return new Changed(1);
        }, _ => true, _ => null, UndoFree: false), ct);
        return new Outcome.Started(f.RunId, f.Recipients);
    }
}
