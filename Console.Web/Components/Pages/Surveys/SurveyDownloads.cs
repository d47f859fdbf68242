using Console.Domain.Surveys;
using Console.Web.Api;
using Console.Web.Auth;

namespace Console.Web.Components.Pages.Surveys;

/// <summary>The responses exports for signed-in marketers (cookie auth); the same files as the API's.</summary>
public static class SurveyDownloads
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/insights/surveys/{id:long}/responses.csv", (long id, ResponsesExport export, CancellationToken ct) => SurveysApi.CsvAsync(id, export, ct))
            .RequireAuthorization(UiPolicies.Campaigns).ExcludeFromDescription();
        app.MapGet("/insights/surveys/{id:long}/responses.xlsx", (long id, ResponsesExport export, CancellationToken ct) => SurveysApi.XlsxAsync(id, export, ct))
            .RequireAuthorization(UiPolicies.Campaigns).ExcludeFromDescription();
    }
}
