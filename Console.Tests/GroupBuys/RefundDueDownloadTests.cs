using System.Net;
using Console.Domain.Admin;
using Console.Domain.GroupBuys;

namespace Console.Tests.GroupBuys;

public sealed class RefundDueDownloadTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_manager_downloads_the_refund_due_orders_of_a_group_buy_as_csv()
    {
        using var store = new PromoStore();
        var (campaign, _) = await GroupBuyScenario.RunAsync(store);
        var expected = await store.Get<RefundDueOrders>().CsvAsync(campaign);
        // The same rows through the host: copy the scenario's store into the app's through SQLite's backup, which the
        // host's open connections see at once (a file copied over an open database would leave its log applied on top).
        using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Store.Path};Pooling=False"))
        using (var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.Store.Path};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
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
