namespace Console.Domain.Data;

/// <summary>
/// A statement both engines share but for one fragment (the paging clause of <see cref="PageFragment"/>, a JSON array as a table,
/// the id of an inserted row): the shared text is written once beside its record and composed for each engine when the type
/// loads, as Opserver's GetFetchSQL(engine) does. Keep composed texts in static fields: the dialect tests parse
/// every one of them with SQL Server's own parser.
/// </summary>
public sealed class DialectSql(Func<Dialect, string> compose)
{
    private readonly string _sqlite = compose(Dialect.Sqlite);
    private readonly string _sqlServer = compose(Dialect.SqlServer);

    public string For(Dialect dialect) => dialect == Dialect.Sqlite ? _sqlite : _sqlServer;

    /// <summary>A JSON array parameter as a table with one column, value.</summary>
    public static string JsonValues(Dialect dialect, string parameter = "@ids") => dialect == Dialect.Sqlite
        ? $"json_each({parameter})"
        : $"OPENJSON({parameter})";

    /// <summary>Between an INSERT's column list and its VALUES: SQL Server answers the new id here, SQLite from the connection.</summary>
    public static string OutputId(Dialect dialect) => dialect == Dialect.Sqlite ? "" : "OUTPUT INSERTED.id";
}
