namespace Console.Domain.Reports;

public static class ReportCadences
{
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public static readonly string[] All = [Weekly, Monthly];
}

/// <summary>A schedule as the API and the console send it. dayOfWeek is ISO (1 = Monday … 7 = Sunday); dayOfMonth is 1 to 28.</summary>
public sealed record ReportScheduleInput(string? Kind = null, string? Cadence = null, int? DayOfWeek = null, int? DayOfMonth = null,
    int? Hour = null, string? Language = null, IReadOnlyList<string?>? Recipients = null);

/// <summary>A stored schedule: weekly or monthly at an hour of the business time zone, mailed to its recipients.</summary>
public sealed record ReportSchedule
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string Cadence { get; init; } = "";
    public int? DayOfWeek { get; init; }
    public int? DayOfMonth { get; init; }
    public int Hour { get; init; }
    public string Language { get; init; } = "";
    public string RecipientsJson { get; init; } = "[]";
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? ChangedAt { get; init; }

    /// <summary>Runs that fell due before this are not the schedule's: it was made, or last changed, after them.</summary>
    public DateTime StartsAt => ChangedAt is { } changed && changed > CreatedAt ? changed : CreatedAt;

    public IReadOnlyList<string> Recipients => System.Text.Json.JsonSerializer.Deserialize<List<string>>(RecipientsJson) ?? [];

    public const string Columns = """
        id, kind, cadence, day_of_week AS DayOfWeek, day_of_month AS DayOfMonth, hour, language, recipients_json AS RecipientsJson,
        created_by AS CreatedBy, created_at AS CreatedAt, changed_at AS ChangedAt
        """;
}

/// <summary>
/// When a schedule runs and what it covers. Weekly: on its weekday at its hour, the seven days before that day. Monthly:
/// on its day of the month at its hour, the whole calendar month before. Times are in the business time zone.
/// </summary>
public sealed record ScheduledRun(DateTime DueLocal, DateOnly From, DateOnly To)
{
    /// <summary>The latest run due at or before <paramref name="nowLocal"/>.</summary>
    public static ScheduledRun Latest(ReportSchedule schedule, DateTime nowLocal)
    {
        var today = DateOnly.FromDateTime(nowLocal);
        if (schedule.Cadence == ReportCadences.Weekly)
        {
            var iso = (int)today.DayOfWeek == 0 ? 7 : (int)today.DayOfWeek;
            var day = today.AddDays(-((iso - (schedule.DayOfWeek ?? 1) + 7) % 7));
            if (At(day, schedule.Hour) > nowLocal) day = day.AddDays(-7);
            return new ScheduledRun(At(day, schedule.Hour), day.AddDays(-7), day.AddDays(-1));
        }
        var runDay = new DateOnly(today.Year, today.Month, schedule.DayOfMonth ?? 1);
        if (At(runDay, schedule.Hour) > nowLocal) runDay = runDay.AddMonths(-1);
        var monthStart = new DateOnly(runDay.Year, runDay.Month, 1).AddMonths(-1);
        return new ScheduledRun(At(runDay, schedule.Hour), monthStart, monthStart.AddMonths(1).AddDays(-1));
    }

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0));
}
