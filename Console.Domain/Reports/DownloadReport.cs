using System.Globalization;
using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Reports;

/// <summary>Hands out a finished report's PDF and writes who took it to the audit log, since a report carries the shop's sales.</summary>
public sealed class DownloadReport(ReportArchive archive, StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record File(Report Report, byte[] Pdf) : Outcome
        {
            public string Name => $"sales-report-{Report.From:yyyy-MM-dd}-{Report.To:yyyy-MM-dd}-{Report.Language}.pdf";
        }

        public sealed record NotReady(Report Report) : Outcome;
        public sealed record NotFound : Outcome;
    }

    private sealed record Written;

    public async Task<Outcome> ExecuteAsync(long id, string actor, CancellationToken ct = default)
    {
        if (await archive.FindAsync(id, ct) is not { } report) return new Outcome.NotFound();
        if (await archive.FileAsync(report, ct) is not { } pdf) return new Outcome.NotReady(report);
        var now = clock.GetUtcNow().UtcDateTime;
        await runner.WriteAsync(new WriteUnit<Written>(async (s, _) =>
        {
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "report.download", "report", id.ToString(CultureInfo.InvariantCulture),
                null, new { report.Pages, report.Bytes }, now);
            return new Written();
        }, _ => true, _ => null, UndoFree: true), ct);
        return new Outcome.File(report, pdf);
    }
}
