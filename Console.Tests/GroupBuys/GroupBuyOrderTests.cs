using System.Net;
using Console.Tests.Coupons;

namespace Console.Tests.GroupBuys;

/// <summary>Opening, joining and filling teams through order creation, over the real HTTP pipeline.</summary>
public sealed class GroupBuyOrderTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private Task<long> CampaignAsync(int size = 3, int? maxTeams = null) => f.GroupBuyAsync(new()
        { ["teamSize"] = size, ["groupPrice"] = 99, ["leaderPrice"] = 89, ["teamWindowMinutes"] = 60, ["maxTeams"] = maxTeams });

    private Task<HttpResponseMessage> OrderAsync(string customer, long campaignId, long? teamId = null, string? orderId = null) =>
        f.OrderAsync(new { orderId = orderId ?? PromoFixture.NewId("gb"), customerExternalId = customer, courseExternalId = PromoFixture.Course,
            groupBuy = new { campaignId, teamId } });

    private async Task<(long TeamId, string OrderId)> OpenAsync(long campaignId, string leader)
    {
        var orderId = PromoFixture.NewId("lead");
        var response = await OrderAsync(leader, campaignId, orderId: orderId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await PromoFixture.JsonAsync(response)).GetProperty("groupBuyTeam").GetProperty("teamId").GetInt64(), orderId);
    }

    private async Task<string?> StatusAsync(string orderId) =>
        (await PromoFixture.JsonAsync(await f.Ingest.GetAsync($"/api/v1/orders/{orderId}"))).GetProperty("status").GetString();

    [Fact]
    public async Task A_leader_opens_a_team_at_the_leader_price_and_the_join_that_fills_it_pays_every_order()
    {
        var campaign = await CampaignAsync();
        var leader = PromoFixture.NewId("lead");
        var response = await OrderAsync(leader, campaign);
        var created = await PromoFixture.JsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("awaiting_group", created.GetProperty("status").GetString());
        Assert.Equal(89m, created.GetProperty("payable").GetDecimal());
        var team = created.GetProperty("groupBuyTeam");
        Assert.Equal("open", team.GetProperty("state").GetString());
        Assert.Equal(3, team.GetProperty("size").GetInt64());
        Assert.Equal(99m, team.GetProperty("price").GetDecimal());
        Assert.Equal(89m, team.GetProperty("leaderPrice").GetDecimal());
        Assert.True(Assert.Single(team.GetProperty("members").EnumerateArray()).GetProperty("isLeader").GetBoolean());
        var teamId = team.GetProperty("teamId").GetInt64();

        var second = await PromoFixture.JsonAsync(await OrderAsync(PromoFixture.NewId("m"), campaign, teamId));
        Assert.Equal(99m, second.GetProperty("payable").GetDecimal());
        Assert.Equal("awaiting_group", second.GetProperty("status").GetString());
        var third = await PromoFixture.JsonAsync(await OrderAsync(PromoFixture.NewId("m"), campaign, teamId));
        Assert.Equal("paid", third.GetProperty("status").GetString());
        Assert.Equal("succeeded", third.GetProperty("groupBuyTeam").GetProperty("state").GetString());

        Assert.Equal(3, await f.ScalarAsync(
            "SELECT COUNT(*) FROM orders WHERE status = 'paid' AND id IN (SELECT order_id FROM group_buy_members WHERE team_id = @teamId)", new { teamId }));
        var looked = await PromoFixture.JsonAsync(await f.Ingest.GetAsync($"/api/v1/group-buys/teams/{teamId}"));
        Assert.Equal(3, looked.GetProperty("members").GetArrayLength());
        Assert.Equal(campaign, looked.GetProperty("campaignId").GetInt64());
        var counts = (await PromoFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/group-buy-campaigns/{campaign}"))).GetProperty("teams");
        Assert.Equal(1, counts.GetProperty("succeeded").GetInt64());
    }

    [Fact]
    public async Task Ten_concurrent_joiners_of_a_team_of_three_let_exactly_two_in()
    {
        var campaign = await CampaignAsync();
        var (teamId, leaderOrder) = await OpenAsync(campaign, PromoFixture.NewId("lead"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => OrderAsync(PromoFixture.NewId("j"), campaign, teamId))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = new List<string?>();
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) refused.Add(await PromoFixture.CodeAsync(r));
        Assert.Equal(8, refused.Count(c => c == "team_full"));
        Assert.Equal(3, await f.ScalarAsync("SELECT COUNT(*) FROM group_buy_members WHERE team_id = @teamId", new { teamId }));
        Assert.Equal(3, await f.ScalarAsync("SELECT members FROM group_buy_teams WHERE id = @teamId AND state = 'succeeded'", new { teamId }));
        Assert.Equal("paid", await StatusAsync(leaderOrder));
    }

    [Fact]
    public async Task Members_open_teams_limits_and_inactive_campaigns_are_refused_and_nothing_is_stored()
    {
        var campaign = await CampaignAsync(size: 4, maxTeams: 2);
        var leader = PromoFixture.NewId("lead");
        var (teamId, _) = await OpenAsync(campaign, leader);
        var orders = await f.ScalarAsync("SELECT COUNT(*) FROM orders");

        Assert.Equal("already_member", await PromoFixture.CodeAsync(await OrderAsync(leader, campaign, teamId)));
        Assert.Equal("has_open_team", await PromoFixture.CodeAsync(await OrderAsync(leader, campaign)));
        await OpenAsync(campaign, PromoFixture.NewId("lead2"));
        orders += 1;
        Assert.Equal("campaign_team_limit", await PromoFixture.CodeAsync(await OrderAsync(PromoFixture.NewId("lead3"), campaign)));
        Assert.Equal("campaign_not_active", await PromoFixture.CodeAsync(await OrderAsync(PromoFixture.NewId("x"), 999_999)));
        var draft = await f.GroupBuyAsync(new() { ["teamSize"] = 2, ["groupPrice"] = 99, ["teamWindowMinutes"] = 60, ["status"] = "draft" });
        Assert.Equal("campaign_not_active", await PromoFixture.CodeAsync(await OrderAsync(PromoFixture.NewId("x"), draft)));
        var otherCourse = await f.OrderAsync(new { orderId = PromoFixture.NewId("o"), customerExternalId = PromoFixture.NewId("x"),
            courseExternalId = PromoFixture.OtherCourse, groupBuy = new { campaignId = campaign, teamId } });
        Assert.Equal("campaign_not_active", await PromoFixture.CodeAsync(otherCourse));

        Assert.Equal(orders, await f.ScalarAsync("SELECT COUNT(*) FROM orders"));
        Assert.Equal(2, await f.ScalarAsync("SELECT teams_opened FROM group_buy_campaigns WHERE id = @campaign", new { campaign }));
    }

    [Fact]
    public async Task Expired_teams_are_410_and_the_expiry_job_fails_them_once_and_moves_their_orders_to_refund_due()
    {
        var campaign = await CampaignAsync();
        var (teamId, leaderOrder) = await OpenAsync(campaign, PromoFixture.NewId("lead"));
        var joinerOrder = PromoFixture.NewId("j");
        Assert.Equal(HttpStatusCode.Created, (await OrderAsync(PromoFixture.NewId("j"), campaign, teamId, joinerOrder)).StatusCode);
        var (liveTeam, liveOrder) = await OpenAsync(campaign, PromoFixture.NewId("lead"));
        await f.ExecuteAsync("UPDATE group_buy_teams SET expires_at = @past WHERE id = @teamId", new { past = DateTime.UtcNow.AddMinutes(-1), teamId });

        var late = await OrderAsync(PromoFixture.NewId("late"), campaign, teamId);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal("team_expired", await PromoFixture.CodeAsync(late));

        var job = new Console.Jobs.GroupBuys.ExpireGroupBuyTeamsJob(f.App.Service<Console.Domain.GroupBuys.ExpireTeams>());
        Assert.Equal("1 teams failed, 2 orders refund due", await job.ExecuteAsync(CancellationToken.None));
        Assert.Equal("0 teams failed, 0 orders refund due", await job.ExecuteAsync(CancellationToken.None));

        Assert.Equal("refund_due", await StatusAsync(leaderOrder));
        Assert.Equal("refund_due", await StatusAsync(joinerOrder));
        Assert.Equal("awaiting_group", await StatusAsync(liveOrder));
        var open = await PromoFixture.JsonAsync(await f.Ingest.GetAsync($"/api/v1/group-buys/{campaign}/teams?state=open"));
        Assert.Equal([liveTeam], open.EnumerateArray().Select(t => t.GetProperty("teamId").GetInt64()));
        var failed = await PromoFixture.JsonAsync(await f.Ingest.GetAsync($"/api/v1/group-buys/{campaign}/teams?state=failed"));
        Assert.Equal(teamId, Assert.Single(failed.EnumerateArray()).GetProperty("teamId").GetInt64());
        Assert.Equal(HttpStatusCode.Gone, (await OrderAsync(PromoFixture.NewId("late"), campaign, teamId)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Ingest.GetAsync($"/api/v1/group-buys/{campaign}/teams?state=bogus")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Ingest.GetAsync("/api/v1/group-buys/teams/999999")).StatusCode);
    }
}
