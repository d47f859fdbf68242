namespace Console.Domain.Customers;

/// <summary>Turns a search box into a case-insensitive LIKE pattern, or null when there is nothing to search for.</summary>
public static class Like
{
    public static string? Contains(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : "%" + Escape(text.Trim().ToLowerInvariant()) + "%";

    // A search for "100%" should find that text, not every row.
    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
