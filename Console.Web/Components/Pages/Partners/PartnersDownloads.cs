using Console.Domain.Partners;
using Console.Web.Auth;

namespace Console.Web.Components.Pages.Partners;

/// <summary>CSV downloads for signed-in Managers (cookie auth, so not part of the platform API): a payout, and the ROI board.</summary>
public static class PartnersDownloads
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/partners/payouts/{id:long}.csv", PayoutAsync).RequireAuthorization(UiPolicies.Insights).ExcludeFromDescription();
        app.MapGet("/partners/roi.csv", RoiAsync).RequireAuthorization(UiPolicies.Insights).ExcludeFromDescription();
    }

    private static async Task<IResult> PayoutAsync(long id, GetPayout payouts, CancellationToken ct) =>
        await payouts.FindAsync(id, ct) is { } payout
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(PayoutCsv.Write(payout)), "text/csv; charset=utf-8", $"payout-{id}.csv")
            : TypedResults.NotFound();

    private static async Task<IResult> RoiAsync(DateOnly from, DateOnly to, RoiLeaderboard board, Console.Domain.Data.BusinessTime time,
        CancellationToken ct)
    {
        var rows = await board.ForPeriodAsync(time.StartOfDayUtc(from), time.StartOfDayUtc(to.AddDays(1)), null, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(RoiCsv.Write(rows)), "text/csv; charset=utf-8", $"kol-roi-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }
}
