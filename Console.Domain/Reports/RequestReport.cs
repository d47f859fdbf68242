using System.Globalization;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Sales;

namespace Console.Domain.Reports;

/// <summary>A report request as the API and the console send it; dates are business days, both included.</summary>
public sealed record ReportInput(string? Kind = null, DateOnly? From = null, DateOnly? To = null, string? Language = null);

/// <summary>Checks a request and stores it queued, with its audit row; the caller then queues the render job with the id.</summary>
public sealed class RequestReport(StatementRunner runner, TimeProvider clock, BusinessTime time)
{
    public abstract record Outcome
    {
        public sealed record Queued(long Id) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public static readonly DialectSql Insert = new(d => $"""
        INSERT INTO reports (kind, period_from, period_to, language, status, progress, schedule_id, requested_by, created_at)
        {DialectSql.OutputId(d)}
        VALUES (@kind, @from, @to, @language, 'queued', 0, @scheduleId, @actor, @now)
        """);

    public async Task<Outcome> ExecuteAsync(ReportInput input, string actor, CancellationToken ct = default)
    {
        var errors = Check(input, SalesPeriod.Today(time, clock));
        if (!errors.Valid) return new Outcome.Invalid(errors);
        var request = input with { Language = input.Language ?? ReportLanguages.English };
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var id = await s.InsertAsync(Insert.For(s.Dialect), token, ("kind", request.Kind), ("from", request.From), ("to", request.To),
                ("language", request.Language), ("scheduleId", null), ("actor", actor), ("now", now));
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "report.request", "report",
                id.ToString(CultureInfo.InvariantCulture), null, request, now);
            return new Outcome.Queued(id);
        }, o => o is Outcome.Queued, _ => null, UndoFree: true), ct);
    }

    /// <summary>Every field's errors in one pass: kind and dates required, dates in order, not after today, at most two years.</summary>
    public static FieldErrors Check(ReportInput input, DateOnly today)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add("kind", FieldCodes.Required);
        else if (!ReportKinds.All.Contains(input.Kind)) errors.Add("kind", FieldCodes.OneOf, string.Join(", ", ReportKinds.All));
        if (input.From is null) errors.Add("from", FieldCodes.Required);
        if (input.To is null) errors.Add("to", FieldCodes.Required);
        if (input.Language is not null && !ReportLanguages.All.Contains(input.Language))
            errors.Add("language", FieldCodes.OneOf, string.Join(", ", ReportLanguages.All));
        if (input is { From: { } from, To: { } to })
        {
            if (to < from) errors.Add("to", FieldCodes.AtLeast, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            else if (to.DayNumber - from.DayNumber + 1 > SalesPeriod.MaxDays) errors.Add("to", FieldCodes.Between, 1, SalesPeriod.MaxDays);
            // The report sets the period against the one of the same length before it, which must be a day the calendar has.
            else if (from.DayNumber < to.DayNumber - from.DayNumber + 1)
                errors.Add("from", FieldCodes.AtLeast, DateOnly.FromDayNumber(to.DayNumber - from.DayNumber + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (input.To is { } last && last > today) errors.Add("to", FieldCodes.TooFarAhead);
        return errors;
    }
}
