using Console.Domain.Coupons;
using Console.Domain.GroupBuys;
using Console.Web.Auth;

namespace Console.Web.Components.Pages.Promotions;

/// <summary>CSV downloads for signed-in people (cookie auth): a campaign's codes for marketers, refund_due orders for all roles.</summary>
public static class PromotionsDownloads
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/promotions/coupons/{id:long}/codes.csv", CodesAsync).RequireAuthorization(UiPolicies.Campaigns);
        app.MapGet("/promotions/group-buys/{id:long}/refund-due.csv", RefundDueAsync).RequireAuthorization(UiPolicies.SignedIn);
    }

    private static async Task<IResult> CodesAsync(long id, CouponCodesExport export, CancellationToken ct) =>
        await export.CsvAsync(id, ct) is { } csv
            ? Results.Text(csv, "text/csv; charset=utf-8")
                .WithFileName($"coupon-{id}-codes.csv")
            : Results.NotFound();

    private static async Task<IResult> RefundDueAsync(long id, RefundDueOrders orders, GetGroupBuyCampaign campaigns, CancellationToken ct) =>
        await campaigns.FindAsync(id, ct) is null
            ? Results.NotFound()
            : Results.Text(await orders.CsvAsync(id, ct), "text/csv; charset=utf-8").WithFileName($"group-buy-{id}-refund-due.csv");

    private static IResult WithFileName(this IResult result, string name) => new Attachment(result, name);

    /// <summary>Adds Content-Disposition so browsers save the text instead of showing it.</summary>
    private sealed class Attachment(IResult inner, string name) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            return inner.ExecuteAsync(context);
        }
    }
}
