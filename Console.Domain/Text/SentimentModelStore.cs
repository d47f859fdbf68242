using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Text;

/// <summary>A stored model's figures, without its bytes: what the "Text models" list and the retraining compare.</summary>
public sealed record SentimentModelRow
{
    public long Id { get; init; }
    public string Language { get; init; } = "";
    public int Version { get; init; }
    public string Status { get; init; } = "";
    public DateTime TrainedAt { get; init; }
    public int TrainRows { get; init; }
    public int HeldOutRows { get; init; }
    public int Corrections { get; init; }
    public long CorrectionsThrough { get; init; }
    public double Accuracy { get; init; }
    public double MacroF1 { get; init; }
    public double BaselineAccuracy { get; init; }
    public double BaselineMacroF1 { get; init; }
    public double NeutralLow { get; init; }
    public double NeutralHigh { get; init; }
    public double? ComparedAccuracy { get; init; }
    public double? ComparedMacroF1 { get; init; }

    internal const string Columns = """
        id AS Id, language AS Language, version AS Version, status AS Status, trained_at AS TrainedAt, train_rows AS TrainRows,
        held_out_rows AS HeldOutRows, corrections AS Corrections, corrections_through AS CorrectionsThrough, accuracy AS Accuracy,
        macro_f1 AS MacroF1, baseline_accuracy AS BaselineAccuracy, baseline_macro_f1 AS BaselineMacroF1,
        neutral_low AS NeutralLow, neutral_high AS NeutralHigh, compared_accuracy AS ComparedAccuracy, compared_macro_f1 AS ComparedMacroF1
        """;
}

/// <summary>Reads and writes the sentiment models of text_sentiment_models; the active row of a language is the one served.</summary>
public sealed class SentimentModelStore(Db db, StatementRunner runner)
{
    private const string ActiveSql = $"""
        SELECT {SentimentModelRow.Columns} FROM text_sentiment_models WHERE language = @language AND status = 'active'
        """;

    private const string ActiveBytesSql = """
        SELECT model FROM text_sentiment_models WHERE id = @id
        """;

    private const string ActiveIdsSql = """
        SELECT id FROM text_sentiment_models WHERE status = 'active' ORDER BY language
        """;

    private const string ListSql = $"""
        SELECT {SentimentModelRow.Columns} FROM text_sentiment_models ORDER BY language, version DESC
        """;

    private const string NextVersionSql = """
        SELECT COALESCE(MAX(version), 0) + 1 FROM text_sentiment_models WHERE language = @language
        """;

    private const string RetireSql = """
        UPDATE text_sentiment_models SET status = 'retired' WHERE language = @language AND status = 'active'
        """;

    private static readonly DialectSql InsertSql = new(d => $"""
        INSERT INTO text_sentiment_models (language, version, status, trained_at, train_rows, held_out_rows, corrections,
            corrections_through, accuracy, macro_f1, baseline_accuracy, baseline_macro_f1, neutral_low, neutral_high,
            compared_accuracy, compared_macro_f1, model)
        {DialectSql.OutputId(d)}
        VALUES (@language, @version, @status, @trainedAt, @trainRows, @heldOutRows, @corrections, @correctionsThrough, @accuracy,
            @macroF1, @baselineAccuracy, @baselineMacroF1, @neutralLow, @neutralHigh, @comparedAccuracy, @comparedMacroF1, @model)
        """);

    public async Task<SentimentModelRow?> ActiveAsync(string language, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SentimentModelRow>(new CommandDefinition(ActiveSql, new { language }, cancellationToken: ct));
    }

    public async Task<byte[]> BytesAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(ActiveBytesSql, new { id }, cancellationToken: ct))
            ?? throw new InvalidOperationException($"Sentiment model {id} has no bytes.");
    }

    /// <summary>The ids of the active models, so that a node can tell cheaply whether another node put a new one in place.</summary>
    public async Task<IReadOnlyList<long>> ActiveIdsAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(ActiveIdsSql, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<SentimentModelRow>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SentimentModelRow>(new CommandDefinition(ListSql, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Stores a trained model as the next version: active (retiring the one before) when keep, else rejected. Compared
    /// holds the active model's scores it was measured against, if there was one.
    /// </summary>
    public Task<Stored> AddAsync(TrainedSentiment trained, bool keep, SentimentMetrics? compared, int corrections, long correctionsThrough,
        DateTime trainedAt, CancellationToken ct = default)
    {
        var bytes = trained.Model.Save();
        var m = trained.Metrics;
        return runner.WriteAsync(new WriteUnit<Stored>(async (s, token) =>
        {
            var version = await s.ScalarAsync<int>(NextVersionSql, token, ("language", trained.Language));
            if (keep) await s.ExecuteAsync(RetireSql, token, ("language", trained.Language));
            var id = await s.InsertAsync(InsertSql.For(s.Dialect), token,
                ("language", trained.Language), ("version", version), ("status", keep ? "active" : "rejected"), ("trainedAt", trainedAt),
                ("trainRows", m.TrainRows), ("heldOutRows", m.HeldOutRows), ("corrections", corrections), ("correctionsThrough", correctionsThrough),
                ("accuracy", m.Accuracy), ("macroF1", m.MacroF1), ("baselineAccuracy", m.BaselineAccuracy), ("baselineMacroF1", m.BaselineMacroF1),
                ("neutralLow", m.NeutralLow), ("neutralHigh", m.NeutralHigh), ("comparedAccuracy", compared?.Accuracy),
                ("comparedMacroF1", compared?.MacroF1), ("model", bytes));
            return new Stored(id, version);
        }, _ => true, _ => null, UndoFree: false), ct);
    }

    public sealed record Stored(long Id, int Version);
}
