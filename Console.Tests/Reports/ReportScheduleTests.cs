using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Email;
using Console.Domain.Reports;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Reports;

/// <summary>A schedule mails each period's PDF once, however often its job runs, and renders it once even when mail failed first.</summary>
public sealed class ReportScheduleTests : IAsyncLifetime
{
    private readonly ConsoleApp _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private RunReportSchedules Runner(IOneOffMail[] senders, DateTimeOffset now) => new(_app.Service<StatementRunner>(),
        _app.Service<ReportSchedules>(), _app.Service<RenderReport>(), _app.Service<ReportArchive>(), _app.Service<BusinessTime>(),
        new FixedClock(now), senders);

    private async Task<long> CreateScheduleAsync(object body)
    {
        var client = await _app.ClientWithKeyAsync(ApiKeyScope.Manage);
        var response = await client.PostAsJsonAsync("/api/v1/report-schedules", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private T One<T>(string sql, object? args = null)
    {
        using var connection = _app.Store.Db.Open();
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    [Fact]
    public async Task A_schedule_run_twice_mails_its_period_once()
    {
        var id = await CreateScheduleAsync(new { kind = "sales", cadence = "weekly", dayOfWeek = 1, hour = 8, language = "zh-Hans",
            recipients = new[] { "boss@example.com", "cfo@example.com" } });
        var mail = new RecordingOneOffMail();
        var later = DateTimeOffset.UtcNow.AddDays(8);
        var first = await Runner([mail], later).ExecuteAsync();
        var second = await Runner([mail], later.AddMinutes(15)).ExecuteAsync();

        Assert.Equal((1, 1, 0), (first.Due, first.Sent, first.Failed));
        Assert.Equal((1, 0, 0), (second.Due, second.Sent, second.Failed));
        var sent = Assert.Single(mail.Calls);
        var periodFrom = One<DateTime>("SELECT period_from FROM report_deliveries WHERE schedule_id = @id", new { id });
        Assert.Equal(RunReportSchedules.MailKey(id, DateOnly.FromDateTime(periodFrom)), sent.Key);
        Assert.Equal(["boss@example.com", "cfo@example.com"], sent.To);
        Assert.Contains("销售报告", sent.Subject);
        var attachment = Assert.Single(sent.Attachments);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(attachment.Content, 0, 5));
        Assert.Contains("销售报告", string.Concat(ReportStore.PageTexts(attachment.Content)));
        Assert.Equal(1L, One<long>("SELECT COUNT(*) FROM reports WHERE schedule_id = @id", new { id }));
        Assert.Equal("sent", One<string>("SELECT status FROM report_deliveries WHERE schedule_id = @id", new { id }));
    }

    [Fact]
    public async Task Without_a_mail_sender_the_delivery_fails_with_its_reason_and_a_later_run_mails_without_rendering_again()
    {
        var id = await CreateScheduleAsync(new { kind = "sales", cadence = "monthly", dayOfMonth = 1, hour = 0, recipients = new[] { "boss@example.com" } });
        var later = DateTimeOffset.UtcNow.AddMonths(1).AddDays(2);
        var failed = await Runner([], later).ExecuteAsync();
        Assert.Equal(1, failed.Failed);
        Assert.Equal(RunReportSchedules.NoSender, One<string>("SELECT reason FROM report_deliveries WHERE schedule_id = @id", new { id }));
        var rendered = One<string>("SELECT finished_at FROM reports WHERE schedule_id = @id", new { id });

        var mail = new RecordingOneOffMail();
        var retried = await Runner([mail], later.AddHours(1)).ExecuteAsync();
        Assert.Equal(1, retried.Sent);
        Assert.Single(mail.Calls);
        Assert.Equal(1L, One<long>("SELECT COUNT(*) FROM reports WHERE schedule_id = @id", new { id }));
        Assert.Equal(rendered, One<string>("SELECT finished_at FROM reports WHERE schedule_id = @id", new { id }));
    }

    [Fact]
    public async Task A_schedule_made_after_its_latest_run_waits_for_the_next_one()
    {
        await CreateScheduleAsync(new { kind = "sales", cadence = "weekly", recipients = new[] { "boss@example.com" } });
        var mail = new RecordingOneOffMail();
        var now = await Runner([mail], DateTimeOffset.UtcNow).ExecuteAsync();
        Assert.Equal(0, now.Due);
        Assert.Empty(mail.Calls);
    }

    [Fact]
    public async Task Schedule_fields_are_checked_in_one_pass_and_named()
    {
        var client = await _app.ClientWithKeyAsync(ApiKeyScope.Manage);
        var response = await client.PostAsJsonAsync("/api/v1/report-schedules",
            new { kind = "sales", cadence = "daily", dayOfMonth = 31, hour = 24, language = "fr", recipients = new[] { "ok@example.com", "not-an-address" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "cadence", "dayOfMonth", "hour", "language", "recipients[1]" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal("email_shape", problem.RootElement.GetProperty("codes").GetProperty("recipients[1]")[0].GetString());
        var unknown = await client.PostAsJsonAsync("/api/v1/report-schedules", new { kind = "sales", cadence = "weekly", recipients = new[] { "a@example.com" }, recipient = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(0L, One<long>("SELECT COUNT(*) FROM report_schedules"));

        var id = await CreateScheduleAsync(new { kind = "sales", cadence = "weekly", recipients = new[] { "a@example.com" } });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/report-schedules");
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal((1, 8, "en"), (listed.GetProperty("dayOfWeek").GetInt32(), listed.GetProperty("hour").GetInt32(), listed.GetProperty("language").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/report-schedules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/report-schedules/{id}")).StatusCode);
    }
}
