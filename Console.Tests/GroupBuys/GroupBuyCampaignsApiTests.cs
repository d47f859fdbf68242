using System.Net;
using System.Net.Http.Json;
using Console.Tests.Coupons;

namespace Console.Tests.GroupBuys;

public sealed class GroupBuyCampaignsApiTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private Task<HttpResponseMessage> PostAsync(object body) => f.Manage.PostAsJsonAsync("/api/v1/group-buy-campaigns", body);

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await PromoFixture.JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
    }

    [Fact]
    public async Task A_campaign_is_created_read_back_with_team_counts_and_audited()
    {
        var response = await PostAsync(new
        {
            name = "Trio", courseExternalId = PromoFixture.Course, teamSize = 3, groupPrice = 99m, leaderPrice = 89m,
            teamWindowMinutes = 60, maxTeams = 10, status = "active",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await PromoFixture.JsonAsync(response)).GetProperty("id").GetInt64();

        var c = await PromoFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/group-buy-campaigns/{id}"));
        Assert.Equal(3, c.GetProperty("teamSize").GetInt64());
        Assert.Equal(99m, c.GetProperty("groupPrice").GetDecimal());
        Assert.Equal(89m, c.GetProperty("leaderPrice").GetDecimal());
        Assert.Equal(PromoFixture.Course, c.GetProperty("courseExternalId").GetString());
        Assert.Equal(0, c.GetProperty("teams").GetProperty("open").GetInt64());
        Assert.Equal(0, c.GetProperty("teams").GetProperty("failed").GetInt64());
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'group_buy_campaign.create' AND entity_id = @id",
            new { id = id.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.GetAsync("/api/v1/group-buy-campaigns/999999")).StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_errors_per_field()
    {
        var before = await f.ScalarAsync("SELECT COUNT(*) FROM group_buy_campaigns");
        Assert.Equal(["teamSize"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", courseExternalId = PromoFixture.Course, teamSize = 1, groupPrice = 99, teamWindowMinutes = 60 })));
        Assert.Equal(["teamSize"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", courseExternalId = PromoFixture.Course, teamSize = 51, groupPrice = 99, teamWindowMinutes = 60 })));
        Assert.Equal(["leaderPrice"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", courseExternalId = PromoFixture.Course, teamSize = 3, groupPrice = 99, leaderPrice = 100, teamWindowMinutes = 60 })));
        Assert.Equal(["groupPrice"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", courseExternalId = PromoFixture.Course, teamSize = 3, groupPrice = 250, teamWindowMinutes = 60 })));
        Assert.Equal(["courseExternalId"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", courseExternalId = "nope", teamSize = 3, groupPrice = 9, teamWindowMinutes = 60 })));
        Assert.Equal(["groupPrice", "maxTeams", "teamWindowMinutes"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", courseExternalId = PromoFixture.Course, teamSize = 3, groupPrice = -1, teamWindowMinutes = 0, maxTeams = -1 })));
        Assert.Equal(before, await f.ScalarAsync("SELECT COUNT(*) FROM group_buy_campaigns"));
    }
}
