using System.Security.Claims;
using Console.Domain.Reports;
using Console.Jobs.Reports;

namespace Console.Web.Api;

/// <summary>PDF sales reports and their schedules (API.md "Reports"); manage keys only.</summary>
internal static class ReportsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var reports = v1.MapGroup("/reports").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Reports");
        reports.MapPost("", RequestAsync).Accepts<ReportInput>("application/json").Produces<CreatedAnswer>(StatusCodes.Status202Accepted)
            .Documented("RequestReport", "Queue a PDF sales report of the business days from..to (both included), against the period of the "
                + "same length before it; a job renders it. Poll GET /reports/{id} for its progress.",
                new ReportInput(ReportKinds.Sales, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ReportLanguages.Chinese));
        reports.MapGet("", ListAsync).Produces<ListAnswer>()
            .Documented("ListReports", "Requested reports, newest first, with their status; skip and take page them (take at most 100).");
        reports.MapGet("/{id:long}", GetAsync).Produces<ReportAnswer>()
            .Documented("GetReport", "A report's status (queued, running, done or failed, with its reason), progress 0..1, pages and bytes.");
        reports.MapGet("/{id:long}.pdf", PdfAsync).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Documented("GetReportPdf", "The rendered PDF; a report that is not done yet is refused with report_not_ready.", null,
                ReportRefusals.NotReady);

        var schedules = v1.MapGroup("/report-schedules").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Reports");
        schedules.MapPost("", CreateScheduleAsync).Accepts<ReportScheduleInput>("application/json")
            .Produces<ScheduleCreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreateReportSchedule", "Mail a report to its recipients every week (the seven days before dayOfWeek) or month (the "
                + "month before dayOfMonth) at an hour of the business time zone; each period is mailed once.",
                new ReportScheduleInput(ReportKinds.Sales, ReportCadences.Weekly, DayOfWeek: 1, Hour: 8, Language: ReportLanguages.English,
                    Recipients: ["manager@example.com"]));
        schedules.MapGet("", ListSchedulesAsync).Produces<List<ScheduleAnswer>>()
            .Documented("ListReportSchedules", "Every report schedule.");
        schedules.MapPut("/{id:long}", UpdateScheduleAsync).Accepts<ReportScheduleInput>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .Documented("UpdateReportSchedule", "Replace every field of a schedule. Periods it already mailed stay mailed; like a new schedule, "
                + "it starts with the first run after the change.",
                new ReportScheduleInput(ReportKinds.Sales, ReportCadences.Monthly, DayOfMonth: 2, Hour: 7, Language: ReportLanguages.Chinese,
                    Recipients: ["manager@example.com", "finance@example.com"]));
        schedules.MapDelete("/{id:long}", DeleteScheduleAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("DeleteReportSchedule", "Stop a schedule; reports it already mailed stay in the archive.");
    }

    public sealed record CreatedAnswer(long Id);

    public sealed record ScheduleCreatedAnswer(long Id);

    /// <summary>from and to are business days; progress is 0..1; pages and bytes once done; reason once failed.</summary>
    public sealed record ReportAnswer(long Id, string Kind, DateOnly From, DateOnly To, string Language, string Status, double Progress,
        int? Pages, long? Bytes, string? Reason, long? ScheduleId, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

    public sealed record ListAnswer(long Total, IReadOnlyList<ReportAnswer> Items);

    public sealed record ScheduleAnswer(long Id, string Kind, string Cadence, int? DayOfWeek, int? DayOfMonth, int Hour, string Language,
        IReadOnlyList<string> Recipients, DateTimeOffset CreatedAt);

    private static async Task<IResult> RequestAsync(HttpRequest request, ClaimsPrincipal user, RequestReport requestReport,
        QueueRenderReport queue, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ReportInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await requestReport.ExecuteAsync(body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            RequestReport.Outcome.Queued q => await queue.ExecuteAsync(q.Id, ct)
                ? TypedResults.Accepted($"/api/v1/reports/{q.Id}", new CreatedAnswer(q.Id))
                : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Job store unavailable",
                    detail: $"Report {q.Id} is stored as failed. {QueueRenderReport.Reason}"),
            RequestReport.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> ListAsync(ReportArchive archive, int? skip, int? take, CancellationToken ct)
    {
        var page = await archive.PageAsync(skip ?? 0, take ?? 25, ct);
        return TypedResults.Ok(new ListAnswer(page.Total, page.Rows.Select(Answer).ToList()));
    }

    private static async Task<IResult> GetAsync(long id, ReportArchive archive, CancellationToken ct) =>
        await archive.FindAsync(id, ct) is { } r ? TypedResults.Ok(Answer(r)) : Problems.NotFound($"No report {id}.");

    private static async Task<IResult> PdfAsync(long id, ClaimsPrincipal user, DownloadReport download, CancellationToken ct) =>
        await download.ExecuteAsync(id, CouponCampaignsApi.Actor(user), ct) switch
        {
            DownloadReport.Outcome.File f => TypedResults.File(f.Pdf, "application/pdf", f.Name),
            DownloadReport.Outcome.NotReady => Problems.Refusal(ReportRefusals.NotReady, ErrorText.English(ReportRefusals.NotReady, [id])),
            _ => Problems.NotFound($"No report {id}."),
        };

    private static async Task<IResult> CreateScheduleAsync(HttpRequest request, ClaimsPrincipal user, ReportSchedules schedules, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ReportScheduleInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await schedules.CreateAsync(body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            ReportSchedules.Outcome.Created c => TypedResults.Created($"/api/v1/report-schedules/{c.Id}", new ScheduleCreatedAnswer(c.Id)),
            ReportSchedules.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> UpdateScheduleAsync(long id, HttpRequest request, ClaimsPrincipal user, ReportSchedules schedules,
        CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ReportScheduleInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await schedules.UpdateAsync(id, body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            ReportSchedules.Outcome.Changed => TypedResults.NoContent(),
            ReportSchedules.Outcome.Invalid i => Problems.Validation(i.Errors),
            _ => Problems.NotFound($"No report schedule {id}."),
        };
    }

    private static async Task<IResult> ListSchedulesAsync(ReportSchedules schedules, CancellationToken ct) =>
        TypedResults.Ok((await schedules.ListAsync(ct)).Select(s => new ScheduleAnswer(s.Id, s.Kind, s.Cadence, s.DayOfWeek, s.DayOfMonth,
            s.Hour, s.Language, s.Recipients, CouponCampaignsApi.Time(s.CreatedAt)!.Value)).ToList());

    private static async Task<IResult> DeleteScheduleAsync(long id, ClaimsPrincipal user, ReportSchedules schedules, CancellationToken ct) =>
        await schedules.DeleteAsync(id, CouponCampaignsApi.Actor(user), ct) is ReportSchedules.Outcome.Deleted
            ? TypedResults.NoContent()
            : Problems.NotFound($"No report schedule {id}.");

    private static ReportAnswer Answer(Report r) => new(r.Id, r.Kind, r.From, r.To, r.Language, r.Status, r.Progress, r.Pages, r.Bytes,
        r.Reason, r.ScheduleId, CouponCampaignsApi.Time(r.CreatedAt)!.Value, CouponCampaignsApi.Time(r.FinishedAt));
}
