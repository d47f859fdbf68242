using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Segments;

namespace Console.Domain.Email;

/// <summary>Creates a draft email campaign from a checked body, audited in the same unit.</summary>
public sealed class CreateEmailCampaign(Db db, StatementRunner runner, TimeProvider clock, ISegmentMembers? segments = null)
{
    public abstract record Outcome
    {
        public sealed record Created(long Id) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    private static readonly DialectSql InsertSql = new(d =>
        $"""
        INSERT INTO email_campaigns (name, segment_id, subject, html, text_body, from_name, send_at, repeat_weekly, trigger_kind,
            coupon_campaign_id, recommendations, holdout_percent, status, paused, created_at, updated_at)
        {DialectSql.OutputId(d)}
        VALUES (@name, @segmentId, @subject, @html, @text, @fromName, @sendAt, @repeatWeekly, @trigger,
            @couponId, @recommendations, @holdout, 'draft', 0, @now, @now)
        """);

    private sealed record Created(long Id);

    public async Task<Outcome> ExecuteAsync(EmailCampaignInput input, string actor, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var spec = await EmailCampaignRules.CheckAsync(db, segments, input, errors, ct);
        if (spec is null) return new Outcome.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await runner.WriteAsync(new WriteUnit<Created>(async (run, token) =>
        {
            var id = await run.InsertAsync(InsertSql.For(run.Dialect), token, ("name", spec.Name), ("segmentId", spec.SegmentId),
                ("subject", spec.Subject), ("html", spec.Html), ("text", spec.Text), ("fromName", spec.FromName), ("sendAt", spec.SendAt),
                ("repeatWeekly", spec.RepeatWeekly), ("trigger", spec.Trigger), ("couponId", spec.CouponCampaignId),
                ("recommendations", spec.Recommendations), ("holdout", spec.HoldoutPercent), ("now", now));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "email_campaign.create", "email_campaign", id.ToString(),
                null, new { spec.Name, spec.SegmentId, spec.Subject, spec.SendAt, spec.RepeatWeekly, spec.Trigger, spec.HoldoutPercent }, now);
            return new Created(id);
        }, _ => true, _ => null, UndoFree: false), ct);
        return new Outcome.Created(created.Id);
    }
}
