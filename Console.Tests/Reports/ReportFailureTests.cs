using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Reports;
using Console.Tests.Support;

namespace Console.Tests.Reports;

/// <summary>A render that cannot finish leaves a failed report with its reason, and no file, whole or half, in the archive.</summary>
public sealed class ReportFailureTests
{
    private static async Task<long> RequestAsync(ConsoleApp app)
    {
        var client = await app.ClientWithKeyAsync(ApiKeyScope.Manage);
        var response = await client.PostAsJsonAsync("/api/v1/reports", new { kind = "sales", from = "2026-01-01", to = "2026-01-31" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Order().ToArray() : [];

    [Fact]
    public async Task A_failure_while_moving_the_file_in_leaves_a_failed_report_and_no_file()
    {
        using var app = new ConsoleApp();
        var id = await RequestAsync(app);
        var files = app.Service<ReportFiles>();
        // The file's own name is taken by a folder, so the last step, moving the written file into place, fails.
        Directory.CreateDirectory(files.PathOf(ReportFiles.NameFor(id)));

        var outcome = await app.Service<RenderReport>().ExecuteAsync(id);

        var failed = Assert.IsType<RenderReport.Outcome.Failed>(outcome);
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
        var report = (await app.Service<ReportArchive>().FindAsync(id))!;
        Assert.Equal((ReportStatus.Failed, failed.Reason), (report.Status, report.Reason));
        Assert.Null(report.FileName);
        Assert.Equal([ReportFiles.NameFor(id)], Files(files.Folder));
        Assert.Empty(Directory.GetFileSystemEntries(files.PathOf(ReportFiles.NameFor(id))));
        // A failed report stays failed: running its job again does not render it.
        Assert.IsType<RenderReport.Outcome.Failed>(await app.Service<RenderReport>().ExecuteAsync(id));
    }

    [Fact]
    public async Task A_missing_font_fails_the_report_with_a_reason_that_says_how_to_install_it()
    {
        var empty = Directory.CreateTempSubdirectory("cc-no-font-");
        try
        {
            using var app = new ConsoleApp(new() { ["Reports:FontFolder"] = empty.FullName });
            var id = await RequestAsync(app);
            var outcome = await app.Service<RenderReport>().ExecuteAsync(id);
            var failed = Assert.IsType<RenderReport.Outcome.Failed>(outcome);
            Assert.Contains("fonts-lxgw-wenkai", failed.Reason);
            Assert.Contains("scripts/setup.sh", failed.Reason);
            var client = await app.ClientWithKeyAsync(ApiKeyScope.Manage);
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}");
            Assert.Equal("failed", status.GetProperty("status").GetString());
            Assert.Equal(failed.Reason, status.GetProperty("reason").GetString());
            Assert.Empty(Files(app.Service<ReportFiles>().Folder));
            Assert.Equal(System.Net.HttpStatusCode.Conflict, (await client.GetAsync($"/api/v1/reports/{id}.pdf")).StatusCode);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
