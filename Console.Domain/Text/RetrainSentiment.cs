using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Text;

/// <summary>
/// Retrains the sentiment model of each language that has corrections newer than its last training: the training
/// fifths plus every positive or negative correction of that language (a neutral one has no side to teach). The
/// new model is kept only when it is not worse on the held-out fifth than the active one, in accuracy and in
/// macro-F1 (within 0.005, about two English held-out texts, so that a tie in substance is not a loss); either way
/// it is stored with both scores. Re-entrant: run twice, the second run finds nothing new.
/// </summary>
public sealed class RetrainSentiment(Db db, SentimentModelStore store, SentimentScorer scorer, TimeProvider clock)
{
    public const double Tolerance = 0.005;

    public sealed record Result(string Language, string Outcome, int Version, SentimentMetrics Candidate, SentimentModelRow? Compared);

    private const string CorrectionsSql = """
        SELECT id AS Id, text AS Text, language AS Language, label AS Label, corrected_by AS CorrectedBy, corrected_at AS CorrectedAt
        FROM text_sentiment_corrections WHERE language = @language ORDER BY id
        """;

    private const string ThroughSql = """
        SELECT COALESCE(MAX(corrections_through), 0) FROM text_sentiment_models WHERE language = @language
        """;

    public async Task<IReadOnlyList<Result>> ExecuteAsync(CancellationToken ct = default)
    {
        // The first models come from the shipped text: make sure they are stored before anything is compared with them.
        await scorer.ModelsAsync(ct);
        var results = new List<Result>();
        foreach (var language in SentimentLabels.Languages)
            if (await RetrainAsync(language, ct) is { } result) results.Add(result);
        if (results.Any(r => r.Outcome == "kept")) scorer.Reload();
        return results;
    }

    private async Task<Result?> RetrainAsync(string language, CancellationToken ct)
    {
        List<SentimentCorrection> corrections;
        long through;
        await using (var connection = await db.OpenAsync(ct))
        {
            corrections = (await connection.QueryAsync<SentimentCorrection>(new CommandDefinition(CorrectionsSql, new { language }, cancellationToken: ct))).ToList();
            through = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ThroughSql, new { language }, cancellationToken: ct));
        }
        var latest = corrections.Count == 0 ? 0 : corrections[^1].Id;
        if (latest <= through) return null;

        var extra = corrections.Where(c => c.Label != SentimentLabels.Neutral)
            .Select(c => new LabelledText(c.Text, c.Label == SentimentLabels.Positive, "correction")).ToList();
        var candidate = await Task.Run(() => SentimentTrainer.Train(language, extra), ct);
        var active = await store.ActiveAsync(language, ct);
        var keep = active is null || NotWorse(candidate.Metrics, active);
        var compared = active is null ? null : new SentimentMetrics(active.TrainRows, active.HeldOutRows, active.Accuracy, active.MacroF1,
            active.BaselineAccuracy, active.BaselineMacroF1, active.NeutralLow, active.NeutralHigh, 0, 0);
        var stored = await store.AddAsync(candidate, keep, compared, extra.Count, latest, clock.GetUtcNow().UtcDateTime, ct);
        return new Result(language, keep ? "kept" : "rejected", stored.Version, candidate.Metrics, active);
    }

    public static bool NotWorse(SentimentMetrics candidate, SentimentModelRow active) =>
        candidate.Accuracy >= active.Accuracy - Tolerance && candidate.MacroF1 >= active.MacroF1 - Tolerance;
}
