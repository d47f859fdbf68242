using System.Text.Json;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Web.Cli.Import;

/// <summary>
/// Customers, courses, live sessions and events: a chunk of rows becomes one batch of the same ingestion use case
/// the API calls, and each rejection is reported against the column its code names.
/// </summary>
internal sealed class BatchCsv<TIn>(string kind, string[] required, string[] optional, Func<CsvRow, TIn> map,
    Func<IReadOnlyList<TIn>, CancellationToken, Task<(int Stored, int AlreadyStored, IReadOnlyList<Rejection> Rejected)>> ingest) : ICsvImporter
{
    public string Kind => kind;
    public IReadOnlyList<string> RequiredColumns => required;
    public IReadOnlyList<string> OptionalColumns => optional;

    public async Task<ChunkResult> ImportAsync(IReadOnlyList<CsvRow> rows, CancellationToken ct)
    {
        var (stored, already, rejected) = await ingest(rows.Select(map).ToList(), ct);
        return new ChunkResult(stored, already, rejected.Select(r => new RowRejection(r.Index, ColumnOf(r.Error), r.Message is null ? r.Error : $"{r.Error} ({r.Message})")).ToList());
    }

    /// <summary>missing_list_price → listPrice; the unknown_* codes name the reference that was not found.</summary>
    internal static string ColumnOf(string code) => code switch
    {
        "unknown_course" => "courseExternalId",
        "unknown_live_session" => "liveSessionExternalId",
        "unknown_type" => "type",
        "occurred_in_future" => "occurredAt",
        _ when code.StartsWith("missing_", StringComparison.Ordinal) => Camel(code["missing_".Length..]),
        _ when code.StartsWith("invalid_", StringComparison.Ordinal) && code != "invalid_item" => Camel(code["invalid_".Length..]),
        _ => "(row)",
    };

    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
