namespace Console.Domain.Data;

/// <summary>One refused item of a batch: its position in the batch, a machine-readable code and a line for people.</summary>
public sealed record Rejection(int Index, string Error, string? Message = null)
{
    public static Rejection Missing(string field) => new(0, "missing_" + Snake(field), $"{field} is required.");

    public static Rejection Invalid(string field, string why) => new(0, "invalid_" + Snake(field), $"{field} {why}.");

    public static Rejection InvalidItem() => new(0, "invalid_item", "The item is not a JSON object.");

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
