using System.Security.Claims;
using Console.Domain.Reports;
using Console.Web.Auth;

namespace Console.Web.Components.Pages.Reports;

/// <summary>The archived PDF for signed-in Managers (cookie auth, so not part of the platform API); each download is audited.</summary>
public static class ReportsDownloads
{
    public static void Map(WebApplication app) =>
        app.MapGet("/reports/{id:long}.pdf", PdfAsync).RequireAuthorization(UiPolicies.Insights).ExcludeFromDescription();

    private static async Task<IResult> PdfAsync(long id, ClaimsPrincipal user, DownloadReport download, CancellationToken ct) =>
        await download.ExecuteAsync(id, UserClaims.Email(user), ct) is DownloadReport.Outcome.File f
            ? TypedResults.File(f.Pdf, "application/pdf", f.Name)
            : TypedResults.NotFound();
}
