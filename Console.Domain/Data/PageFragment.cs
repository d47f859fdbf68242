namespace Console.Domain.Data;

/// <summary>
/// The clause that cuts one page after a statement's ORDER BY: the one paging text of both engines, for statements
/// composed per engine (<see cref="DialectSql"/>) and for those built per query. Skip and take name the parameters.
/// </summary>
public static class PageFragment
{
    public static string For(Dialect dialect, string skip = "@skip", string take = "@take") => dialect == Dialect.Sqlite
        ? $"LIMIT {take} OFFSET {skip}"
        : $"OFFSET {skip} ROWS FETCH NEXT {take} ROWS ONLY";
}
