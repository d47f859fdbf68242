using System.Diagnostics;
using Console.Domain.Data;
using Console.Domain.Reports.Pdf;
using Console.Domain.Sales;

namespace Console.Domain.Reports;

/// <summary>
/// The render job's work for one report row: queued → running (with progress) → done with its file, or failed with its
/// reason. Re-entrant: a finished or failed report is left as it is; the file is moved in whole only once rendered.
/// </summary>
public sealed class RenderReport(StatementRunner runner, ReportArchive archive, SalesReportData data, ReportFiles files, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Done(Report Report) : Outcome;
        public sealed record Failed(string Reason) : Outcome;
        public sealed record NotFound : Outcome;
    }

    private const string StartSql = """
        UPDATE reports SET status = 'running', progress = 0.05, started_at = @now, reason = NULL WHERE id = @id AND status IN ('queued', 'running')
        """;

    private const string ProgressSql = "UPDATE reports SET progress = @progress WHERE id = @id AND status = 'running'";

    private const string DoneSql = """
        UPDATE reports SET status = 'done', progress = 1, pages = @pages, bytes = @bytes, render_ms = @ms, file_name = @file, finished_at = @now
        WHERE id = @id
        """;

    private const string FailedSql = "UPDATE reports SET status = 'failed', reason = @reason, finished_at = @now WHERE id = @id AND status <> 'done'";

    public async Task<Outcome> ExecuteAsync(long id, CancellationToken ct = default)
    {
        var report = await archive.FindAsync(id, ct);
        if (report is null) return new Outcome.NotFound();
        if (report.Status == ReportStatus.Done) return new Outcome.Done(report);
        if (report.Status == ReportStatus.Failed) return new Outcome.Failed(report.Reason ?? "");
        await WriteAsync(StartSql, ct, ("now", Now()), ("id", id));
        try
        {
            if (ReportFonts.Missing(files.FontFolder) is { } missing) return await FailAsync(id, missing, ct);
            ReportFonts.Install(files.FontFolder);
            var watch = Stopwatch.StartNew();
            var content = await data.ReadAsync(new SalesPeriod(report.From, report.To), report.Language,
                p => WriteAsync(ProgressSql, ct, ("progress", p), ("id", id)), ct);
            var rendered = SalesReportDocument.Render(content, report.Language);
            await WriteAsync(ProgressSql, ct, ("progress", 0.9), ("id", id));
            var file = await files.WriteAsync(id, rendered.Pdf, ct);
            await WriteAsync(DoneSql, ct, ("pages", rendered.Pages), ("bytes", (long)rendered.Pdf.Length), ("ms", watch.ElapsedMilliseconds),
                ("file", file), ("now", Now()), ("id", id));
            return new Outcome.Done((await archive.FindAsync(id, ct))!);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await FailAsync(id, e.Message, ct);
        }
    }

    /// <summary>Fails a report that has not finished, with its reason; a report whose render job could not be queued ends here.</summary>
    public async Task<Outcome> FailAsync(long id, string reason, CancellationToken ct)
    {
        await WriteAsync(FailedSql, ct, ("reason", reason.Length > 1000 ? reason[..1000] : reason), ("now", Now()), ("id", id));
        return new Outcome.Failed(reason);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private async Task WriteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] args) =>
        await runner.WriteAsync(new WriteUnit<object>(async (s, token) => await s.ExecuteAsync(sql, token, args), _ => true, _ => null,
            UndoFree: true), ct);
}
