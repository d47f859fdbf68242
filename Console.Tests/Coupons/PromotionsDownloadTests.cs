using System.Net;
using Console.Domain.Admin;
using Console.Domain.Coupons;
using Console.Tests.Support;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Coupons;

public sealed class PromotionsDownloadTests : IDisposable
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

    [Fact]
    public async Task A_manager_downloads_the_refund_due_orders_of_a_group_buy_as_csv()
    {
        using var store = new PromoStore();
        var (campaign, _) = await GroupBuyScenario.RunAsync(store);
        var expected = await store.Get<Console.Domain.GroupBuys.RefundDueOrders>().CsvAsync(campaign);
        // The same rows through the host: copy the scenario's store under the app.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(store.Store.Path, _app.Store.Path, overwrite: true);
        await BrowserSession.AddUserAsync(_app, "boss@x.io", Roles.Manager);
        var manager = new BrowserSession(_app);
        await manager.SignInAsync("boss@x.io", "longpassword1");

        var response = await manager.Client.GetAsync($"/promotions/group-buys/{campaign}/refund-due.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, text);
        Assert.StartsWith("order_id,customer_external_id,team_id,owed,paid_at,team_failed_at\ng3,\"c,x\",", text);
    }
}
