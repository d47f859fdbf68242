using Console.Domain.Data;

namespace Console.Tests.Support;

/// <summary>A real SQLite file per test, migrated, deleted afterwards.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore(bool migrate = true)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "console.db");
        Db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = Path });
        if (migrate) new Migrator(Db).Migrate();
    }

    public string Directory { get; }
    public string Path { get; }
    public Db Db { get; }

    /// <summary>Sealing with the key ring a console on this store uses, so either reads what the other wrote.</summary>
    public PersonalData PersonalData => _personalData ??= Console.Web.Hosting.ConsentRegistrations.PersonalDataBeside(Db);
    private PersonalData? _personalData;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
