using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Data;

/// <summary>The one connection factory. Callers write their own SQL beside the record it fills.</summary>
public sealed class Db
{
    private readonly string _connectionString;

    public Db(DatabaseOptions options)
    {
        Dialect = options.Provider;
        if (Dialect == Dialect.Sqlite)
        {
            var path = System.IO.Path.GetFullPath(options.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            SqlitePath = path;
            // Default Timeout doubles as the busy timeout: Microsoft.Data.Sqlite retries SQLITE_BUSY until it passes.
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Pooling = true,
                DefaultTimeout = 30,
                ForeignKeys = true,
            }.ToString();
            InitialiseSqliteFile();
        }
        else
        {
            _connectionString = options.SqlServerConnectionString
                ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Console is not set.");
        }
        DapperSetup.EnsureRegistered();
    }

    public Dialect Dialect { get; }

    /// <summary>Full path of the SQLite file; null on SQL Server.</summary>
    public string? SqlitePath { get; }

    public string ConnectionString => _connectionString;

    public bool IsSqlite => Dialect == Dialect.Sqlite;

    public DbConnection Create() => IsSqlite ? new SqliteConnection(_connectionString) : new SqlConnection(_connectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = Create();
        await connection.OpenAsync(ct);
        if (IsSqlite) PrepareSqlite(connection);
        return connection;
    }

    public DbConnection Open()
    {
        var connection = Create();
        connection.Open();
        if (IsSqlite) PrepareSqlite(connection);
        return connection;
    }

    private static void PrepareSqlite(DbConnection connection)
    {
        // Per-connection setting: WAL makes NORMAL durable across process crashes and much faster than FULL.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    private void InitialiseSqliteFile()
    {
        // journal_mode is stored in the file, so setting it once lets readers and the writer work side by side.
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}
