namespace Console.Domain.Data;

public enum Dialect { Sqlite, SqlServer }

/// <summary>Bound from the "Database" section; the SQL Server connection string comes from ConnectionStrings:Console.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public Dialect Provider { get; set; } = Dialect.Sqlite;

    /// <summary>SQLite file, relative to the working directory unless rooted.</summary>
    public string Path { get; set; } = "data/console.db";

    public string? SqlServerConnectionString { get; set; }
}
