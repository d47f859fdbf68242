namespace Console.Domain.Data;

/// <summary>
/// The texts of a sortable list's statement, composed once for each engine, sort and direction, so that a request picks
/// a finished text and the reader's choice never reaches the SQL as text.
/// </summary>
public static class SortedStatements
{
    public static IReadOnlyDictionary<(Dialect Dialect, TSort Sort, bool Descending), string> For<TSort>(Func<Dialect, TSort, bool, string> compose)
        where TSort : struct, Enum => (
            from d in new[] { Dialect.Sqlite, Dialect.SqlServer }
            from s in Enum.GetValues<TSort>()
            from desc in new[] { false, true }
            select KeyValuePair.Create((d, s, desc), compose(d, s, desc))).ToDictionary();

    public static string Direction(bool descending) => descending ? "DESC" : "ASC";
}
