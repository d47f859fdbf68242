using Console.Domain.Coupons;
using Console.Web.Auth;

namespace Console.Web.Components.Pages.Coupons;

/// <summary>A campaign's unique codes as CSV for signed-in marketers (cookie auth, so not part of the platform API).</summary>
public static class CouponCodesDownload
{
    public static void Map(WebApplication app) =>
        app.MapGet("/promotions/coupons/{id:long}/codes.csv", CodesAsync).RequireAuthorization(UiPolicies.Campaigns)
            .ExcludeFromDescription();

    private static async Task<IResult> CodesAsync(long id, CouponCodesExport export, CancellationToken ct) =>
        await export.CsvAsync(id, ct) is { } csv
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"coupon-{id}-codes.csv")
            : TypedResults.NotFound();
}
