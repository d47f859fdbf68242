using System.Globalization;
using System.Text.Json;

namespace Console.Domain.Admin;

/// <summary>A value as the audit log shows it: text as written, money kept in fen for the caller to format, times already in business time.</summary>
public sealed record AuditValue(string Text, long? Fen = null);

/// <summary>One field that an audited change set, altered or removed; a missing side is null.</summary>
public sealed record AuditChange(string Field, AuditValue? Before, AuditValue? After);

/// <summary>
/// Turns an entry's before/after JSON into one line per changed field. Nested objects are flattened to their leaf
/// names; amounts are stored in fen, so fields whose names end in price, amount, spend, discount or budget are money.
/// </summary>
public static class AuditChanges
{
    private static readonly string[] MoneySuffixes = ["price", "amount", "spend", "discount", "budget", "budgetused", "revenue", "discountgiven"];

    public static IReadOnlyList<AuditChange> Of(string? beforeJson, string? afterJson, TimeZoneInfo zone)
    {
        var before = Flatten(beforeJson, zone);
        var after = Flatten(afterJson, zone);
        var changes = new List<AuditChange>();
        foreach (var field in before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(field);
            var now = after.GetValueOrDefault(field);
            if (old == now) continue;
            changes.Add(new AuditChange(field, old, now));
        }
        return changes;
    }

    public static bool IsMoney(string field)
    {
        var lower = field.ToLowerInvariant();
        return MoneySuffixes.Any(lower.EndsWith);
    }

    private static bool IsTime(string field) => field.EndsWith("At", StringComparison.Ordinal) || field == "until";

    private static Dictionary<string, AuditValue?> Flatten(string? json, TimeZoneInfo zone)
    {
        var fields = new Dictionary<string, AuditValue?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return fields;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object) Walk(document.RootElement, fields, zone);
            else fields["value"] = Value("value", document.RootElement, zone);
        }
        catch (JsonException)
        {
            // An entry written by hand or by an older version still shows, as the text it holds.
            fields["value"] = new AuditValue(json);
        }
        return fields;
    }

    private static void Walk(JsonElement element, Dictionary<string, AuditValue?> fields, TimeZoneInfo zone)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object) Walk(property.Value, fields, zone);
            else fields[property.Name] = Value(property.Name, property.Value, zone);
        }
    }

    private static AuditValue? Value(string field, JsonElement value, TimeZoneInfo zone) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number when IsMoney(field) && value.TryGetInt64(out var fen) => new AuditValue(fen.ToString(CultureInfo.InvariantCulture), fen),
        JsonValueKind.String when IsTime(field) && value.TryGetDateTimeOffset(out var at) =>
            new AuditValue(TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        JsonValueKind.String => new AuditValue(value.GetString() ?? ""),
        JsonValueKind.Array => new AuditValue(string.Join(", ", value.EnumerateArray().Select(v => Value(field, v, zone)?.Text ?? "—"))),
        JsonValueKind.True => new AuditValue("true"),
        JsonValueKind.False => new AuditValue("false"),
        _ => new AuditValue(value.GetRawText()),
    };
}
