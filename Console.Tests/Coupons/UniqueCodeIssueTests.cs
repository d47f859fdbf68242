using Console.Domain.Coupons;
using Console.Domain.Email;
using Console.Domain.Experiments;
using Console.Tests.Email;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Coupons;

/// <summary>
/// Unique codes of one coupon campaign handed out by an email campaign and by an experiment, in either order: no code
/// reaches two customers, and a newly generated code never repeats a KOL's or another coupon's code.
/// </summary>
public sealed class UniqueCodeIssueTests
{
    [Fact]
    public async Task An_experiment_and_an_email_campaign_handing_codes_of_one_campaign_never_hand_the_same_code_twice()
    {
        using var store = new TempStore();
        var (ids, eligible, _) = EmailWorld.SeedCustomers(store, 20);
        using var world = new EmailWorld(store, new Dictionary<string, string?>(), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids.Take(10)));
        var codes = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await world.Get<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput("Ten unique", "amount_off", 10m, GenerateCodes: 12, Status: "active"), "test"));
        var experiment = Assert.IsType<CreateExperiment.Outcome.Created>(await world.Get<CreateExperiment>().ExecuteAsync(new ExperimentInput("codes",
            "Codes", Variants: [new VariantInput("a", 50, codes.Id), new VariantInput("b", 50, codes.Id)], Metric: new MetricInput("conversion"),
            Status: "running"), "test"));

        // The experiment hands codes first to three customers the email will also reach, then the email freezes, then
        // the experiment goes on to customers outside the segment until the codes run out.
        var handed = new List<(string Customer, string? Code)>();
        foreach (var customer in new[] { "c2", "c3", "c4" }) handed.Add((customer, await AssignAsync(world, customer)));
        var email = Assert.IsType<CreateEmailCampaign.Outcome.Created>(await world.Get<CreateEmailCampaign>().ExecuteAsync(
            new EmailCampaignInput("With a code", EmailWorld.SegmentId, "s", "<p>{{ coupon }}</p>", CouponCampaignId: codes.Id), "test"));
        var started = Assert.IsType<StartEmailCampaign.Outcome.Started>(await world.Get<StartEmailCampaign>().ExecuteAsync(email.Id, "test"));
        foreach (var i in Enumerable.Range(11, 10)) handed.Add(($"c{i}", await AssignAsync(world, $"c{i}")));

        using var connection = store.Db.Open();
        var emailed = connection.Query<(string Email, string Code)>(
            "SELECT email, coupon_code FROM email_recipients WHERE run_id = @run AND coupon_code IS NOT NULL", new { run = started.RunId }).ToList();
        var queued = ids.Take(10).Select((_, i) => $"c{i + 1}@example.com").Count(eligible.Contains);
        Assert.Equal(queued, emailed.Count);
        var all = emailed.Select(e => e.Code).Concat(handed.Where(h => h.Code is not null).Select(h => h.Code!)).ToList();
        Assert.Equal(codes.Codes.Count, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, c => Assert.Contains(c, codes.Codes));
        // Once the twelve are handed, the last customers get none rather than someone else's.
        Assert.Contains(handed, h => h.Code is null);
        Assert.Equal(0, connection.ExecuteScalar<long>("""
            SELECT COUNT(*) FROM email_coupon_codes e JOIN experiment_exposures x ON x.coupon_code_id = e.code_id
            """));
    }

    [Fact]
    public async Task A_taken_code_is_found_among_coupon_and_KOL_codes_and_a_coupon_may_not_take_a_KOL_s_code()
    {
        using var store = new TempStore();
        using var world = new EmailWorld(store, new Dictionary<string, string?>());
        var shared = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await world.Get<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput("Shared", "amount_off", 10m, Code: "SPRING26", Status: "active"), "test"));
        using var connection = store.Db.Open();
        connection.Execute("""
            INSERT INTO kols (external_id, name, platform, created_at, updated_at) VALUES ('k1', 'K', 'douyin', @now, @now);
            INSERT INTO kol_codes (code, kol_id, created_at) VALUES ('AMY2026', (SELECT id FROM kols WHERE external_id = 'k1'), @now);
            """, new { now = DateTime.UtcNow });
        using var tx = connection.BeginTransaction();

        var taken = await UniqueCodeIssue.TakenAsync(connection, tx, store.Db.Dialect, ["SPRING26", "AMY2026", "FREE2026"], CancellationToken.None);

        Assert.Equal(["AMY2026", "SPRING26"], taken.Order());
        Assert.Equal(["SPRING26"], shared.Codes);
        tx.Rollback();
        var refused = Assert.IsType<CreateCouponCampaign.Outcome.Invalid>(await world.Get<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput("Same as the KOL", "amount_off", 10m, Code: "AMY2026", Status: "active"), "test"));
        Assert.True(refused.Errors.Has("code"));
    }

    private static async Task<string?> AssignAsync(EmailWorld world, string customer) =>
        Assert.IsType<AssignVariant.Outcome.Assigned>(await world.Get<AssignVariant>().ExecuteAsync("codes", customer)).Assignment.CouponCode;
}
