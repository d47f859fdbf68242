using System.Globalization;

namespace Console.Domain.Reports;

public static class ReportKinds
{
    public const string Sales = "sales";
    public static readonly string[] All = [Sales];
}

public static class ReportLanguages
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";
    public static readonly string[] All = [English, Chinese];

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == Chinese ? "zh-Hans" : "en");
}

public static class ReportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

public static class ReportRefusals
{
    public const string NotReady = "report_not_ready";
    public static readonly string[] All = [NotReady];
}

/// <summary>One requested report: its period, language, where its job stands and, once done, its file's size and pages.</summary>
public sealed record Report
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public DateTime PeriodFrom { get; init; }
    public DateTime PeriodTo { get; init; }
    public string Language { get; init; } = "";
    public string Status { get; init; } = "";
    public double Progress { get; init; }
    public int? Pages { get; init; }
    public long? Bytes { get; init; }
    public long? RenderMs { get; init; }
    public string? FileName { get; init; }
    public string? Reason { get; init; }
    public long? ScheduleId { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? FinishedAt { get; init; }

    public DateOnly From => DateOnly.FromDateTime(PeriodFrom);
    public DateOnly To => DateOnly.FromDateTime(PeriodTo);

    public const string Columns = """
        id, kind, period_from AS PeriodFrom, period_to AS PeriodTo, language, status, progress, pages, bytes, render_ms AS RenderMs,
        file_name AS FileName, reason, schedule_id AS ScheduleId, requested_by AS RequestedBy, created_at AS CreatedAt, finished_at AS FinishedAt
        """;
}
