using Console.Domain.Data;
using Console.Domain.Email;
using Console.Domain.Sales;

namespace Console.Domain.Reports;

/// <summary>
/// The recurring run over every schedule: for each one whose latest run is due, it claims the (schedule, period) delivery
/// row first, renders that period's report once, and mails it once under a key of the schedule and period. A retried
/// or repeated run finds the row: a sent period is skipped and a rendered report is mailed without rendering it again.
/// </summary>
public sealed class RunReportSchedules(StatementRunner runner, ReportSchedules schedules, RenderReport render, ReportArchive archive,
    BusinessTime time, TimeProvider clock, IEnumerable<IOneOffMail> senders)
{
    public const string NoSender = "No mail sender is configured, so the report could not be mailed.";

    public sealed record Summary(int Due, int Sent, int Failed);

    private sealed record Delivery
    {
        public long Id { get; init; }
        public long? ReportId { get; init; }
        public string Status { get; init; } = "";
    }

    private const string FindSql = """
        SELECT id, report_id AS ReportId, status FROM report_deliveries WHERE schedule_id = @schedule AND period_from = @from
        """;

    private static readonly DialectSql InsertSql = new(d => $"""
        INSERT INTO report_deliveries (schedule_id, period_from, period_to, report_id, status, created_at)
        {DialectSql.OutputId(d)}
        VALUES (@schedule, @from, @to, @report, 'pending', @now)
        """);

    private const string FinishSql = "UPDATE report_deliveries SET status = @status, reason = @reason, sent_at = @sentAt WHERE id = @id";

    public static string MailKey(long scheduleId, DateOnly periodFrom) => $"report-schedule:{scheduleId}:{periodFrom:yyyy-MM-dd}";

    public async Task<Summary> ExecuteAsync(CancellationToken ct = default)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var nowLocal = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, time.Zone);
        int due = 0, sent = 0, failed = 0;
        foreach (var schedule in await schedules.ListAsync(ct))
        {
            var run = ScheduledRun.Latest(schedule, nowLocal);
            // A schedule starts with the first run after it was made (or changed), not with one that fell due before.
            if (run.DueLocal < TimeZoneInfo.ConvertTimeFromUtc(schedule.StartsAt, time.Zone)) continue;
            due++;
            var delivery = await ClaimAsync(schedule, run, nowUtc, ct);
            if (delivery.Status == "sent") continue;
            var (ok, reason) = await DeliverAsync(schedule, run, delivery.ReportId!.Value, ct);
            await FinishAsync(delivery.Id, ok, reason, ct);
            if (ok) sent++; else failed++;
        }
        return new Summary(due, sent, failed);
    }

    /// <summary>The period's delivery row, made with its queued report on the first run; a later run gets the same row back.</summary>
    private Task<Delivery> ClaimAsync(ReportSchedule schedule, ScheduledRun run, DateTime nowUtc, CancellationToken ct) =>
        runner.WriteAsync(new WriteUnit<Delivery>(async (s, token) =>
        {
            var found = await s.SingleOrDefaultAsync<Delivery>(FindSql, token, ("schedule", schedule.Id), ("from", run.From));
            if (found is not null) return found;
            var report = await s.InsertAsync(RequestReport.Insert.For(s.Dialect), token, ("kind", schedule.Kind), ("from", run.From),
                ("to", run.To), ("language", schedule.Language), ("scheduleId", schedule.Id), ("actor", $"schedule:{schedule.Id}"),
                ("now", nowUtc));
            var id = await s.InsertAsync(InsertSql.For(s.Dialect), token, ("schedule", schedule.Id), ("from", run.From), ("to", run.To),
                ("report", report), ("now", nowUtc));
            return new Delivery { Id = id, ReportId = report, Status = "pending" };
        }, _ => true, _ => null, UndoFree: true), ct);

    private async Task<(bool Ok, string? Reason)> DeliverAsync(ReportSchedule schedule, ScheduledRun run, long reportId, CancellationToken ct)
    {
        var outcome = await render.ExecuteAsync(reportId, ct);
        if (outcome is RenderReport.Outcome.Failed f) return (false, f.Reason);
        if (outcome is not RenderReport.Outcome.Done done) return (false, $"Report {reportId} is gone.");
        var pdf = await archive.FileAsync(done.Report, ct);
        if (pdf is null) return (false, $"The file of report {reportId} is missing.");
        if (senders.LastOrDefault() is not { } sender) return (false, NoSender);
        var words = ReportWords.For(schedule.Language);
        var period = SalesReportDocument.PeriodText(new SalesPeriod(run.From, run.To),
            new SalesFormat(ReportLanguages.Culture(schedule.Language)), words);
        await sender.SendAsync(new OneOffMail(MailKey(schedule.Id, run.From), schedule.Recipients, words.Format("Mail.Subject", period),
            words.Format("Mail.Text", period), null,
            [new MailAttachment($"sales-report-{run.From:yyyy-MM-dd}-{run.To:yyyy-MM-dd}.pdf", "application/pdf", pdf)]), ct);
        return (true, null);
    }

    private async Task FinishAsync(long id, bool ok, string? reason, CancellationToken ct) =>
        await runner.WriteAsync(new WriteUnit<object>(async (s, token) => await s.ExecuteAsync(FinishSql, token,
            ("status", ok ? "sent" : "failed"), ("reason", reason), ("sentAt", ok ? clock.GetUtcNow().UtcDateTime : null), ("id", id)),
            _ => true, _ => null, UndoFree: true), ct);
}
