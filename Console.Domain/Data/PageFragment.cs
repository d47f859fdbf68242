namespace Console.Domain.Data;

/// <summary>The clause that cuts one page after a statement's ORDER BY, from its @skip and @take parameters.</summary>
public static class PageFragment
{
    public static string For(Dialect dialect) =>
        dialect == Dialect.Sqlite ? "LIMIT @take OFFSET @skip" : "OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY";
}
