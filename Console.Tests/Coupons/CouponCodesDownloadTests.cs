using System.Net;
using Console.Domain.Admin;
using Console.Domain.Coupons;
using Dapper;

namespace Console.Tests.Coupons;

public sealed class CouponCodesDownloadTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_marketer_downloads_a_campaigns_codes_as_csv_and_a_manager_may_not()
    {
        var created = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await _app.Service<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput(Name: "Gift cards", Kind: "amount_off", Value: 10m, GenerateCodes: 3), "m@x.io"));
        await using (var connection = await _app.Store.Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE coupon_codes SET uses = 1 WHERE code = @code", new { code = created.Codes[1] });
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        await BrowserSession.AddUserAsync(_app, "boss@x.io", Roles.Manager);
        var marketer = new BrowserSession(_app);
        await marketer.SignInAsync("m@x.io", "longpassword1");

        var response = await marketer.Client.GetAsync($"/promotions/coupons/{created.Id}/codes.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"coupon-{created.Id}-codes.csv", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["code,single_use,used", $"{created.Codes[0]},yes,0", $"{created.Codes[1]},yes,1", $"{created.Codes[2]},yes,0"], lines);
        Assert.Equal(HttpStatusCode.NotFound, (await marketer.Client.GetAsync("/promotions/coupons/999/codes.csv")).StatusCode);

        var manager = new BrowserSession(_app);
        await manager.SignInAsync("boss@x.io", "longpassword1");
        var refused = await manager.Client.GetAsync($"/promotions/coupons/{created.Id}/codes.csv");
        Assert.Equal("/denied", refused.Headers.Location?.AbsolutePath);
        var anonymous = await new BrowserSession(_app).Client.GetAsync($"/promotions/coupons/{created.Id}/codes.csv");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/signin", anonymous.Headers.Location!.PathAndQuery);
    }
}
