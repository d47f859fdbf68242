using Console.Domain.Data;
using Console.Domain.Reports.Pdf;

namespace Console.Domain.Reports;

/// <summary>Bound from "Reports": where rendered files are kept (default: reports/ beside the SQLite file) and where the font lies.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    public string? Folder { get; set; }

    public string FontFolder { get; set; } = ReportFonts.DebianFolder;

    /// <summary>How long a request waits for the job store to take its render job before the report is failed instead.</summary>
    public int QueueSeconds { get; set; } = 10;
}

/// <summary>The archive folder of rendered reports. A file appears there whole or not at all: it is written aside, then moved in.</summary>
public sealed class ReportFiles(ReportOptions options, DatabaseOptions database)
{
    public string Folder { get; } = Path.GetFullPath(options.Folder ?? Path.Combine(
        database.Provider == Dialect.Sqlite ? Path.GetDirectoryName(Path.GetFullPath(database.Path)) ?? "data" : "data", "reports"));

    public string FontFolder => options.FontFolder;

    public static string NameFor(long id) => $"report-{id}.pdf";

    public string PathOf(string fileName) => Path.Combine(Folder, Path.GetFileName(fileName));

    /// <summary>Writes the bytes to a temporary file in the same folder and renames it into place, so readers never see half a file.</summary>
    public async Task<string> WriteAsync(long id, byte[] pdf, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = NameFor(id);
        var temp = Path.Combine(Folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, pdf, ct);
            File.Move(temp, PathOf(name), overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return name;
    }

    public Task<byte[]> ReadAsync(string fileName, CancellationToken ct) => File.ReadAllBytesAsync(PathOf(fileName), ct);
}
