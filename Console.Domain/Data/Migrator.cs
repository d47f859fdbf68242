using System.Reflection;
using Console.Domain.Data;
using Console.Domain.Events;
using DbUp;
using DbUp.Engine;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Data;

/// <summary>Applies the embedded db/&lt;dialect&gt;/NNNN_*.sql scripts that have not run yet, in number order.</summary>
public sealed class Migrator(Db db)
{
    public static IReadOnlyList<string> ScriptNames(Dialect dialect)
    {
        var prefix = Prefix(dialect);
        return typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static string ReadScript(string resourceName)
    {
        using var stream = typeof(Migrator).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded script {resourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Returns the names of the scripts this run applied (empty when the store was up to date). Before applying any,
    /// it tells <paramref name="progress"/> which: a script that rebuilds a large table can take a while.
    /// </summary>
    public IReadOnlyList<string> Migrate(Action<string>? progress = null)
    {
        var prefix = Prefix(db.Dialect);
        using var sqlite = db.IsSqlite ? SqliteWithFunctions() : null;
        var builder = sqlite is not null
            ? DeployChanges.To.SqliteDatabase(new SharedConnection(sqlite))
            : DeployChanges.To.SqlDatabase(db.ConnectionString);
        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var pending = upgrader.GetScriptsToExecute();
        if (pending.Count > 0) progress?.Invoke($"applying {pending.Count} script(s): {string.Join(", ", pending.Select(s => s.Name))}");
        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        return result.Scripts.Select(s => s.Name).ToList();
    }

    /// <summary>SQLite has no SHA-256, so scripts that fill event keys call the console's own (0011_event_keys).</summary>
    private SqliteConnection SqliteWithFunctions()
    {
        var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        connection.CreateFunction("event_key", (string eventId, long probe) => EventKey.Of(eventId, (int)probe), isDeterministic: true);
        return connection;
    }

    private static string Prefix(Dialect dialect) => dialect == Dialect.Sqlite ? "db/sqlite/" : "db/sqlserver/";
}
