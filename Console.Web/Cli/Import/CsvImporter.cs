namespace Console.Web.Cli.Import;

/// <summary>One data row of a CSV file: its line number in the file and its values by header name.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string column] =>
        Values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>A refused row: which row of the chunk, which column, and why.</summary>
public sealed record RowRejection(int Index, string Column, string Reason);

/// <summary>What a chunk did: rows stored now, rows whose id was already stored (counted, not stored again), refused rows.</summary>
public sealed record ChunkResult(int Stored, int AlreadyStored, IReadOnlyList<RowRejection> Rejected);

/// <summary>Maps CSV rows of one kind onto the same domain use case the API calls, so both refuse the same things.</summary>
public interface ICsvImporter
{
    string Kind { get; }
    IReadOnlyList<string> RequiredColumns { get; }
    IReadOnlyList<string> OptionalColumns { get; }

    /// <summary>Stores the valid rows of a chunk and says what became of each.</summary>
    Task<ChunkResult> ImportAsync(IReadOnlyList<CsvRow> rows, CancellationToken ct);
}
