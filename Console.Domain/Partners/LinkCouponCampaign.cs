using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>Links a coupon campaign to a KOL, so that an order using one of its codes is attributed to that KOL.</summary>
public sealed class LinkCouponCampaign(StatementRunner runner, TimeProvider clock, KolCodeTerms codes)
{
    public sealed record Command(long? CampaignId = null);

    public abstract record Outcome
    {
        public sealed record Linked(long CampaignId) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record AlreadyLinked(long CampaignId) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long kolId, Command command, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        if (command.CampaignId is not > 0) fields.Add("campaignId", FieldCodes.Required);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        var campaignId = command.CampaignId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        return await codes.AfterAsync(runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM kols WHERE id = @kolId", token, ("kolId", kolId)) is null)
                return new Outcome.NotFound();
            if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM coupon_campaigns WHERE id = @campaignId", token,
                    ("campaignId", campaignId)) is null)
            {
                fields.Add("campaignId", FieldCodes.UnknownCampaign, campaignId);
                return new Outcome.Invalid(fields.Errors);
            }
            if (await run.SingleOrDefaultAsync<long?>("SELECT kol_id FROM kol_coupon_campaigns WHERE campaign_id = @campaignId", token,
                    ("campaignId", campaignId)) is not null)
                return new Outcome.AlreadyLinked(campaignId);
            await run.ExecuteAsync("INSERT INTO kol_coupon_campaigns (campaign_id, kol_id, created_at) VALUES (@campaignId, @kolId, @now)",
                token, ("campaignId", campaignId), ("kolId", kolId), ("now", now));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol.link_coupon_campaign", "kol", kolId.ToString(), null,
                new { campaignId }, now);
            return new Outcome.Linked(campaignId);
        }, outcome => outcome is Outcome.Linked, _ => null, UndoFree: false), ct));
    }
}
