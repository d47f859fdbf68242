using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Reports;

public sealed record ReportPage(IReadOnlyList<Report> Rows, long Total);

/// <summary>Reads the reports table: one report, or a page of them newest first; and the file of a finished one.</summary>
public sealed class ReportArchive(Db db, ReportFiles files)
{
    public const int MaxPageSize = 100;

    private static readonly string FindSql = $"SELECT {Report.Columns} FROM reports WHERE id = @id";

    private static readonly DialectSql PageSql = new(d => $"""
        SELECT {Report.Columns} FROM reports ORDER BY id DESC
        {PageFragment.For(d)}
        """);

    public async Task<Report?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Report>(new CommandDefinition(FindSql, new { id }, cancellationToken: ct));
    }

    public async Task<ReportPage> PageAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { skip = Math.Max(0, skip), take = Math.Clamp(take, 1, MaxPageSize) };
        var rows = await connection.QueryAsync<Report>(new CommandDefinition(PageSql.For(db.Dialect), args, cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM reports", cancellationToken: ct));
        return new ReportPage(rows.ToList(), total);
    }

    /// <summary>The PDF of a finished report; null while it is not done (or its file has gone).</summary>
    public async Task<byte[]?> FileAsync(Report report, CancellationToken ct = default) =>
        report is { Status: ReportStatus.Done, FileName: { } name } && File.Exists(files.PathOf(name)) ? await files.ReadAsync(name, ct) : null;
}
