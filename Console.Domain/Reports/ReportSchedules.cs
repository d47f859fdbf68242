using System.Net.Mail;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Reports;

/// <summary>Creates, changes, lists and deletes report schedules; every change goes to the audit log with it.</summary>
public sealed class ReportSchedules(Db db, StatementRunner runner, TimeProvider clock)
{
    public const int MaxRecipients = 20;

    public abstract record Outcome
    {
        public sealed record Created(long Id) : Outcome;
        public sealed record Changed : Outcome;
        public sealed record Deleted : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    private static readonly DialectSql InsertSql = new(d => $"""
        INSERT INTO report_schedules (kind, cadence, day_of_week, day_of_month, hour, language, recipients_json, created_by, created_at)
        {DialectSql.OutputId(d)}
        VALUES (@kind, @cadence, @dayOfWeek, @dayOfMonth, @hour, @language, @recipients, @actor, @now)
        """);

    private const string UpdateSql = """
        UPDATE report_schedules SET kind = @kind, cadence = @cadence, day_of_week = @dayOfWeek, day_of_month = @dayOfMonth, hour = @hour,
        language = @language, recipients_json = @recipients, changed_at = @now WHERE id = @id
        """;

    private static readonly string FindSql = $"SELECT {ReportSchedule.Columns} FROM report_schedules WHERE id = @id";

    private static readonly string ListSql = $"SELECT {ReportSchedule.Columns} FROM report_schedules ORDER BY id";

    public async Task<Outcome> CreateAsync(ReportScheduleInput input, string actor, CancellationToken ct = default)
    {
        var errors = Check(input);
        if (!errors.Valid) return new Outcome.Invalid(errors);
        var stored = Stored(input);
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var id = await s.InsertAsync(InsertSql.For(s.Dialect), token, Args(stored, ("actor", actor), ("now", now)));
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "report_schedule.create", "report_schedule", id.ToString(), null, stored, now);
            return new Outcome.Created(id);
        }, o => o is Outcome.Created, _ => null, UndoFree: true), ct);
    }

    /// <summary>Replaces every field of a schedule; periods it already mailed stay mailed, and its next run follows the new fields.</summary>
    public async Task<Outcome> UpdateAsync(long id, ReportScheduleInput input, string actor, CancellationToken ct = default)
    {
        var errors = Check(input);
        if (!errors.Valid) return new Outcome.Invalid(errors);
        var stored = Stored(input);
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            if (await s.SingleOrDefaultAsync<ReportSchedule>(FindSql, token, ("id", id)) is not { } before) return new Outcome.NotFound();
            await s.ExecuteAsync(UpdateSql, token, Args(stored, ("id", id), ("now", now)));
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "report_schedule.update", "report_schedule", id.ToString(),
                Input(before), stored, now);
            return new Outcome.Changed();
        }, o => o is Outcome.Changed, _ => null, UndoFree: true), ct);
    }

    /// <summary>The input as it is stored: the other cadence's day dropped, defaults filled, addresses trimmed and each kept once.</summary>
    private static ReportScheduleInput Stored(ReportScheduleInput input)
    {
        var weekly = input.Cadence == ReportCadences.Weekly;
        return input with
        {
            DayOfWeek = weekly ? input.DayOfWeek ?? 1 : null,
            DayOfMonth = weekly ? null : input.DayOfMonth ?? 1,
            Hour = input.Hour ?? 8,
            Language = input.Language ?? ReportLanguages.English,
            Recipients = input.Recipients!.Select(r => r!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };
    }

    private static ReportScheduleInput Input(ReportSchedule s) => new(s.Kind, s.Cadence, s.DayOfWeek, s.DayOfMonth, s.Hour, s.Language, [.. s.Recipients]);

    private static (string Name, object? Value)[] Args(ReportScheduleInput s, params (string Name, object? Value)[] more) =>
    [
        ("kind", s.Kind), ("cadence", s.Cadence), ("dayOfWeek", s.DayOfWeek), ("dayOfMonth", s.DayOfMonth), ("hour", s.Hour),
        ("language", s.Language), ("recipients", JsonSerializer.Serialize(s.Recipients)), .. more,
    ];

    public async Task<Outcome> DeleteAsync(long id, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            if (await s.ExecuteAsync("DELETE FROM report_schedules WHERE id = @id", token, ("id", id)) == 0) return new Outcome.NotFound();
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "report_schedule.delete", "report_schedule", id.ToString(), null, null, now);
            return new Outcome.Deleted();
        }, o => o is Outcome.Deleted, _ => null, UndoFree: true), ct);
    }

    public async Task<IReadOnlyList<ReportSchedule>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ReportSchedule>(new CommandDefinition(ListSql, cancellationToken: ct))).ToList();
    }

    /// <summary>Every field's errors in one pass, each under the field it belongs to (recipients by index).</summary>
    public static FieldErrors Check(ReportScheduleInput input)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add("kind", FieldCodes.Required);
        else if (!ReportKinds.All.Contains(input.Kind)) errors.Add("kind", FieldCodes.OneOf, string.Join(", ", ReportKinds.All));
        if (string.IsNullOrWhiteSpace(input.Cadence)) errors.Add("cadence", FieldCodes.Required);
        else if (!ReportCadences.All.Contains(input.Cadence)) errors.Add("cadence", FieldCodes.OneOf, string.Join(", ", ReportCadences.All));
        if (input.DayOfWeek is < 1 or > 7) errors.Add("dayOfWeek", FieldCodes.Between, 1, 7);
        if (input.DayOfMonth is < 1 or > 28) errors.Add("dayOfMonth", FieldCodes.Between, 1, 28);
        if (input.Hour is < 0 or > 23) errors.Add("hour", FieldCodes.Between, 0, 23);
        if (input.Language is not null && !ReportLanguages.All.Contains(input.Language))
            errors.Add("language", FieldCodes.OneOf, string.Join(", ", ReportLanguages.All));
        if (input.Recipients is null || input.Recipients.Count == 0) errors.Add("recipients", FieldCodes.AtLeastItems, 1);
        else if (input.Recipients.Count > MaxRecipients) errors.Add("recipients", FieldCodes.TooManyItems, MaxRecipients);
        else
            for (var i = 0; i < input.Recipients.Count; i++)
                if (!IsAddress(input.Recipients[i])) errors.Add($"recipients[{i}]", FieldCodes.EmailShape, input.Recipients[i] ?? "");
        return errors;
    }

    private static bool IsAddress(string? text) =>
        text is { Length: > 0 and <= 254 } && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim()
        && address.Host.Contains('.');
}
