using Console.Domain.Reports;
using Console.Web.Auth;

namespace Console.Web.Components.Pages.Reports;

/// <summary>The archived PDF for signed-in Managers (cookie auth, so not part of the platform API).</summary>
public static class ReportsDownloads
{
    public static void Map(WebApplication app) =>
        app.MapGet("/reports/{id:long}.pdf", PdfAsync).RequireAuthorization(UiPolicies.Insights).ExcludeFromDescription();

    private static async Task<IResult> PdfAsync(long id, ReportArchive archive, CancellationToken ct) =>
        await archive.FindAsync(id, ct) is { } report && await archive.FileAsync(report, ct) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", $"sales-report-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}-{report.Language}.pdf")
            : TypedResults.NotFound();
}
