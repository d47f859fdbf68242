using Console.Domain.Data;
using Console.Domain.Reports;
using Microsoft.Extensions.Options;

namespace Console.Web.Hosting;

/// <summary>The PDF reports' settings and services. No mail sender is registered here: schedules use whatever IOneOffMail the host has.</summary>
internal static class ReportsRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReportOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BusinessOptions>>().Value);
        services.AddSingleton(sp => new ReportFiles(sp.GetRequiredService<ReportOptions>(), sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<SalesReportData>();
        services.AddSingleton<RequestReport>();
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<DownloadReport>();
        services.AddSingleton<RenderReport>();
        services.AddSingleton<ReportSchedules>();
        services.AddSingleton<RunReportSchedules>();
    }
}
