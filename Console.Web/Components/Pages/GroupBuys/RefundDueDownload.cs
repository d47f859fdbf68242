using Console.Domain.GroupBuys;
using Console.Web.Auth;

namespace Console.Web.Components.Pages.GroupBuys;

/// <summary>A campaign's refund_due orders as CSV for every signed-in role (cookie auth, so not part of the platform API).</summary>
public static class RefundDueDownload
{
    public static void Map(WebApplication app) =>
        app.MapGet("/promotions/group-buys/{id:long}/refund-due.csv", RefundDueAsync).RequireAuthorization(UiPolicies.SignedIn)
            .ExcludeFromDescription();

    private static async Task<IResult> RefundDueAsync(long id, RefundDueOrders orders, GetGroupBuyCampaign campaigns, CancellationToken ct) =>
        await campaigns.FindAsync(id, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(await orders.CsvAsync(id, ct)), "text/csv; charset=utf-8",
                $"group-buy-{id}-refund-due.csv");
}
