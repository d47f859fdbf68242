using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Partners;

/// <summary>
/// API.md "Partners": "an unknown or paused link → 404 page, never an open redirect". A paused link neither redirects nor
/// logs a click; resumed, it does both again. Clicks logged before the pause keep their attribution.
/// </summary>
public sealed class LinkStatusTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private Task<HttpResponseMessage> SetAsync(long kol, string code, string status) =>
        f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}/links/{code}", new { status });

    private Task<long> ClicksAsync(long kol) => f.ScalarAsync("SELECT COUNT(*) FROM kol_clicks WHERE kol_id = @kol", new { kol });

    [Fact]
    public async Task A_paused_link_answers_404_and_logs_nothing_until_it_is_resumed()
    {
        f.Clock.Now = new DateTimeOffset(2026, 11, 10, 4, 0, 0, TimeSpan.Zero);
        var kol = await f.KolAsync("Paused link");
        var code = await f.LinkAsync(kol);
        var other = await f.LinkAsync(kol);
        var clickId = await f.ClickAsync(code);

        var paused = await PartnersFixture.JsonAsync(await SetAsync(kol, code.ToLowerInvariant(), "paused"), HttpStatusCode.OK);
        Assert.Equal((code, "paused", 1L), (paused.GetProperty("code").GetString(), paused.GetProperty("status").GetString(),
            paused.GetProperty("clicks").GetInt64()));
        var refused = await f.Public.GetAsync($"/r/{code}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Contains("Link not found", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await ClicksAsync(kol));
        // The KOL's other link goes on redirecting, and the click from before the pause still brings its order.
        await f.ClickAsync(other);
        var order = await f.OrderAsync(new
        {
            orderId = PartnersFixture.NewId("o"), customerExternalId = PartnersFixture.NewId("c"), courseExternalId = PartnersFixture.Course, clickId,
        });
        Assert.Equal(kol, order.GetProperty("attribution").GetProperty("kolId").GetInt64());

        var resumed = await PartnersFixture.JsonAsync(await SetAsync(kol, code, "active"), HttpStatusCode.OK);
        Assert.Equal("active", resumed.GetProperty("status").GetString());
        await f.ClickAsync(code);
        Assert.Equal(3, await ClicksAsync(kol));
        Assert.Equal(2, await f.ScalarAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('kol_link.pause', 'kol_link.resume') AND entity_id = @id", new { id = kol.ToString() }));
    }

    [Fact]
    public async Task A_link_of_a_paused_kol_answers_404_and_its_own_status_is_kept_for_when_the_kol_returns()
    {
        var kol = await f.KolAsync("Paused KOL");
        var code = await f.LinkAsync(kol);
        (await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}", new { status = "paused" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await f.Public.GetAsync($"/r/{code}")).StatusCode);
        (await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}", new { status = "active" })).EnsureSuccessStatusCode();
        await f.ClickAsync(code);
    }

    [Fact]
    public async Task Unknown_links_and_bad_statuses_are_refused()
    {
        var kol = await f.KolAsync("Refusals");
        var code = await f.LinkAsync(kol);
        var stranger = await f.KolAsync("Stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await SetAsync(stranger, code, "paused")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SetAsync(kol, "NOSUCH22", "paused")).StatusCode);
        await ProblemAssert.FieldAsync(await SetAsync(kol, code, "deleted"), "status");
        await ProblemAssert.FieldAsync(await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}/links/{code}", new { }), "status");
        await ProblemAssert.FieldAsync(await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}/links/{code}", new { state = "paused" }), "state");
        Assert.Equal(HttpStatusCode.Redirect, (await f.Public.GetAsync($"/r/{code}")).StatusCode);
    }
}
