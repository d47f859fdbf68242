using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Coupons;

/// <summary>Coupon campaign and validation bodies: refused while read, named by field, never naming the types behind them.</summary>
public sealed class CouponBodyTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private Task<long> Campaigns() => f.ScalarAsync("SELECT COUNT(*) FROM coupon_campaigns");

    [Theory]
    [InlineData("""{"name":5,"kind":"amount_off","value":10}""", "name", "Must be a string.")]
    [InlineData("""{"name":"Big","kind":"amount_off","value":1e28}""", "value", "Is out of range.")]
    [InlineData("""{"name":"Huge","kind":"amount_off","value":10,"maxDiscount":1e400}""", "maxDiscount", "Is out of range.")]
    [InlineData("""{"name":"Typo","kind":"amount_off","value":10,"perCustomerLimt":1}""", "perCustomerLimt", "Unknown field; did you mean 'perCustomerLimit'?")]
    [InlineData("""{"name":"List","kind":"amount_off","value":10,"categories":"art"}""", "categories", "Must be an array.")]
    [InlineData("""{"name":"Text \ud800","kind":"amount_off","value":10}""", "name", "Is not valid Unicode text.")]
    public async Task A_refused_campaign_body_names_the_field_and_stores_nothing(string json, string field, string message)
    {
        var before = await Campaigns();
        using var response = await f.Manage.PostJsonAsync("/api/v1/coupon-campaigns", json);
        Assert.Equal([message], await ProblemAssert.FieldAsync(response, field));
        Assert.Equal(before, await Campaigns());
    }

    [Fact]
    public async Task A_patch_with_an_unknown_field_changes_nothing()
    {
        var (id, _) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 10m });
        using var response = await f.Manage.PatchAsJsonAsync($"/api/v1/coupon-campaigns/{id}", new { state = "paused" });
        await ProblemAssert.FieldAsync(response, "state", "Unknown field; did you mean 'status'?");
        var campaign = await PromoFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/coupon-campaigns/{id}"));
        Assert.Equal("active", campaign.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Validating_with_an_unknown_field_is_400()
    {
        using var response = await f.Ingest.PostAsJsonAsync("/api/v1/coupons/validate",
            new { code = "ANY", customerExternalId = PromoFixture.Customer, courseExternalId = PromoFixture.Course, courseId = 1 });
        await ProblemAssert.FieldAsync(response, "courseId");
    }
}
