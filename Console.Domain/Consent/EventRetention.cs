using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Consent;

/// <summary>
/// How many days raw events are kept; none means for ever. Kept beside the privacy texts (consent_settings), so an Admin
/// sets it once for every node, and audited.
/// </summary>
public sealed class EventRetention(Db db, StatementRunner runner, TimeProvider clock)
{
    public const int MinDays = 30, MaxDays = 3_650;
    private const string Name = "raw_event_retention_days";

    public async Task<int?> GetAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var value = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT value FROM consent_settings WHERE name = @name", new { name = Name }, cancellationToken: ct));
        return int.TryParse(value, out var days) ? days : null;
    }

    public static FieldErrors Check(int? days)
    {
        var errors = new FieldErrors();
        if (days is < MinDays or > MaxDays) errors.Add("rawEventDays", FieldCodes.Between, MinDays, MaxDays);
        return errors;
    }

    /// <summary>Saves the days (null keeps events for ever) and audits the change; answers the field errors, empty when saved.</summary>
    public async Task<FieldErrors> SaveAsync(int? days, string actor, CancellationToken ct = default)
    {
        var errors = Check(days);
        if (!errors.Valid) return errors;
        var before = await GetAsync(ct);
        if (before == days) return errors;
        var now = clock.GetUtcNow().UtcDateTime;
        await runner.WriteAsync(new WriteUnit<object>(async (s, t) =>
        {
            await s.ExecuteAsync("DELETE FROM consent_settings WHERE name = @name", t, ("name", Name));
            if (days is { } kept)
                await s.ExecuteAsync("INSERT INTO consent_settings (name, value, updated_at) VALUES (@name, @value, @now)", t,
                    ("name", Name), ("value", kept.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("now", now));
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "privacy.retention", "privacy_settings", null,
                new { rawEventDays = before }, new { rawEventDays = days }, now);
            return errors;
        }, _ => true, _ => null, UndoFree: false), ct);
        return errors;
    }
}
