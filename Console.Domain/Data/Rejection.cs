namespace Console.Domain.Data;

/// <summary>One refused item of a batch: its position in the batch, a machine-readable code and a line for people.</summary>
public sealed record Rejection(int Index, string Error, string? Message = null)
{
    public static Rejection Missing(string field) => new(0, "missing_" + Snake(field), $"{field} is required.");

    public static Rejection Invalid(string field, string why) => new(0, "invalid_" + Snake(field), $"{field} {why}.");

    public static Rejection InvalidItem() => new(0, "invalid_item", "The item is not a JSON object.");

    /// <summary>A field the batch does not know; the name is cut short so that a hostile one is not echoed whole.</summary>
    public static Rejection UnknownField(string name, string? suggestion)
    {
        var shown = name.Length > 100 ? name[..100] + "…" : name;
        return new(0, "unknown_field", suggestion is null ? $"Unknown field '{shown}'." : $"Unknown field '{shown}'; did you mean '{suggestion}'?");
    }

    /// <summary>Text that is not valid Unicode (bytes that are not UTF-8, a lone surrogate escape); field is null for a name.</summary>
    public static Rejection InvalidText(string? field) =>
        new(0, "invalid_text", field is null ? "A field name is not valid Unicode text." : $"{field} is not valid Unicode text.");

    /// <summary>Rejections gathered in several passes, in batch order as clients read them.</summary>
    public static IReadOnlyList<Rejection> InOrder(List<Rejection> rejections)
    {
        rejections.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return rejections;
    }

    private static string Snake(string field) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(field);
}

/// <summary>The answer to an upsert batch (customers, courses, live sessions).</summary>
public sealed record UpsertResult(int Upserted, IReadOnlyList<Rejection> Rejected);

/// <summary>The answer to an event batch: duplicates (by eventId) are acknowledged but stored once.</summary>
public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<Rejection> Rejected);
