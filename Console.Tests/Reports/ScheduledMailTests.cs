using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Reports;
using Console.Domain.Sales;
using Console.Jobs;
using Console.Tests.Support;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer.Protocol;
using UglyToad.PdfPig;

namespace Console.Tests.Reports;

/// <summary>
/// A report schedule run by its recurring job, through the real mail sender, to a loopback SMTP server: each period is
/// mailed once, with its PDF, to the schedule's recipients, however often the job runs and wherever a run broke off.
/// </summary>
public sealed class ScheduledMailTests : IAsyncLifetime
{
    private RawMailbox _mailbox = null!;
    private ConsoleApp _app = null!;

    public async Task InitializeAsync()
    {
        _mailbox = await RawMailbox.StartAsync();
        _app = new ConsoleApp(Email.EmailWorld.Smtp(_mailbox.Port));
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _mailbox.DisposeAsync();
    }

    /// <summary>The job RecurringJobs registers under the name, run as the job server (or `jobs run NAME`) runs it.</summary>
    private async Task<string> RunRecurringJobAsync(string name)
    {
        var registered = new RecordingJobs();
        RecurringJobs.Register(registered);
        var job = registered.Jobs[name];
        using var scope = _app.Services.CreateScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, job.Type);
        var args = job.Method.GetParameters().Select((p, i) => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : job.Args[i]).ToArray();
        return await (Task<string>)job.Method.Invoke(instance, args)!;
    }

    private sealed class RecordingJobs : IRecurringJobManager
    {
        public Dictionary<string, Job> Jobs { get; } = [];
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Jobs[recurringJobId] = job;
        public void Trigger(string recurringJobId) => throw new NotSupportedException();
        public void RemoveIfExists(string recurringJobId) => Jobs.Remove(recurringJobId);
    }

    private T One<T>(string sql, object? args = null)
    {
        using var connection = _app.Store.Db.Open();
        return connection.QuerySingle<T>(sql, args);
    }

    [Fact]
    public async Task A_scheduled_report_reaches_the_recipients_once_with_its_pdf_through_a_refusal_a_retry_a_lost_record_and_two_runs_at_once()
    {
        var client = await _app.ClientWithKeyAsync(ApiKeyScope.Manage);
        var created = await client.PostAsJsonAsync("/api/v1/report-schedules", new { kind = "sales", cadence = "weekly", dayOfWeek = 1, hour = 8,
            language = "zh-Hans", recipients = new[] { "boss@example.com", "CFO@Example.com" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        // Made eight days ago, so this week's Monday run has fallen due since.
        using (var connection = _app.Store.Db.Open())
            connection.Execute("UPDATE report_schedules SET created_at = @at WHERE id = @id", new { at = DateTime.UtcNow.AddDays(-8), id });

        // The mail server refuses the first message for now: the run fails (Hangfire retries it) after the report is rendered.
        _mailbox.Refuse = n => n == 1 ? new SmtpResponse((SmtpReplyCode)451, "try again later") : null;
        await Assert.ThrowsAnyAsync<Exception>(() => RunRecurringJobAsync(RecurringJobs.RunReportSchedules));
        Assert.Empty(_mailbox.Messages);
        Assert.Equal(("pending", "done"), One<(string, string)>("""
            SELECT d.status, r.status FROM report_deliveries d JOIN reports r ON r.id = d.report_id WHERE d.schedule_id = @id
            """, new { id }));

        // The retry mails it.
        Assert.Equal("1 due, 1 sent, 0 failed", await RunRecurringJobAsync(RecurringJobs.RunReportSchedules));
        // A worker that died between the message and its record leaves the delivery pending: the next run sends nothing.
        using (var connection = _app.Store.Db.Open())
            connection.Execute("UPDATE report_deliveries SET status = 'pending', sent_at = NULL WHERE schedule_id = @id", new { id });
        await RunRecurringJobAsync(RecurringJobs.RunReportSchedules);
        // Two runs at once, and one more after them.
        await Task.WhenAll(RunRecurringJobAsync(RecurringJobs.RunReportSchedules), RunRecurringJobAsync(RecurringJobs.RunReportSchedules));
        Assert.Equal("1 due, 0 sent, 0 failed", await RunRecurringJobAsync(RecurringJobs.RunReportSchedules));

        Assert.Equal(2, _mailbox.Attempts);
        var (to, message) = Assert.Single(_mailbox.Messages);
        Assert.Equal(["boss@example.com", "CFO@Example.com"], to);
        Assert.Equal(["boss@example.com", "CFO@Example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(1L, One<long>("SELECT COUNT(*) FROM reports WHERE schedule_id = @id", new { id }));
        Assert.Equal("sent", One<string>("SELECT status FROM report_deliveries WHERE schedule_id = @id", new { id }));

        // The subject names the period in the schedule's language, as the report's own header does.
        var (from, until) = One<(DateTime, DateTime)>("SELECT period_from, period_to FROM report_deliveries WHERE schedule_id = @id", new { id });
        var period = new SalesPeriod(DateOnly.FromDateTime(from), DateOnly.FromDateTime(until));
        Assert.Equal(7, period.Days);
        var words = ReportWords.For(ReportLanguages.Chinese);
        var periodText = SalesReportDocument.PeriodText(period, new SalesFormat(ReportLanguages.Culture(ReportLanguages.Chinese)), words);
        Assert.Equal("销售报告 " + periodText, message.Subject);
        Assert.Contains(period.From.ToString("yyyy/M/d"), message.Subject);
        Assert.Contains(period.To.ToString("yyyy/M/d"), message.Subject);
        Assert.Contains(periodText, message.TextBody);

        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.Equal($"sales-report-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.pdf", attachment.FileName);
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        Assert.Equal(One<long>("SELECT bytes FROM reports WHERE schedule_id = @id", new { id }), pdf.Length);
        using var document = PdfDocument.Open(pdf.ToArray());
        Assert.Equal(One<long>("SELECT pages FROM reports WHERE schedule_id = @id", new { id }), document.NumberOfPages);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("销售报告", text);
        Assert.Contains(periodText.Replace(" ", ""), text.Replace(" ", ""));
    }
}
