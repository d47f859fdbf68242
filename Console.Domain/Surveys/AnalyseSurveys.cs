using System.Text.Json;
using Console.Domain.Data;
using Console.Domain.Text;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// The analysis job's work: for each survey with responses not yet analysed, scores the sentiment of new free text,
/// finds the themes of all its free text again (seeded, so the same answers give the same themes), and stores beside
/// each response what the results group by: its theme, the customer's channel and the KOL who brought them, and whether
/// they bought. Re-entrant: a response is marked analysed in the same unit that stores its figures. Each analysis ends
/// by storing the survey's results snapshot, and records how far it has come so the results page can show it.
/// </summary>
public sealed class AnalyseSurveys(StatementRunner runner, TimeProvider clock, IEnumerable<ISentimentScorer> scorers,
    IEnumerable<ISurveyThemes> themeFinders, RefreshSurveyResults snapshots)
{
    public const int MaxThemes = 6;
    public const int ThemeSeed = 12;
    private const int Batch = 500;

    private sealed record Pending
    {
        public long Id { get; init; }
        public string? Body { get; init; }
        public string? Sentiment { get; init; }
        public double? SentimentPositive { get; init; }
        public string? Channel { get; init; }
        public string? Kol { get; init; }
        public bool Buyer { get; init; }
    }

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        List<long> surveys;
        await using (var read = await runner.ReadAsync(ct))
            surveys = (await read.Connection.QueryAsync<long>(new CommandDefinition(
                """
                SELECT DISTINCT survey_id FROM survey_responses WHERE analysed = 0 ORDER BY survey_id
                """, cancellationToken: ct))).ToList();
        foreach (var id in surveys) await AnalyseAsync(id, ct);
        // Surveys analysed before snapshots existed, or edited since, get theirs here.
        await snapshots.RunAsync(ct);
        return surveys.Count;
    }

    public async Task AnalyseAsync(long surveyId, CancellationToken ct = default)
    {
        await snapshots.ProgressAsync(surveyId, 0, ct);
        List<Pending> rows;
        await using (var read = await runner.ReadAsync(ct))
            rows = (await read.Connection.QueryAsync<Pending>(new CommandDefinition(
                """
                SELECT r.id AS Id, r.free_text AS Body, r.sentiment AS Sentiment, r.sentiment_positive AS SentimentPositive,
                       COALESCE(c.source, (SELECT MIN(o.channel) FROM orders o WHERE o.customer_id = r.customer_id)) AS Channel,
                       (SELECT MIN(o.referral_code) FROM orders o WHERE o.customer_id = r.customer_id AND o.referral_code IS NOT NULL) AS Kol,
                       CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.customer_id AND o.refunded < o.payable)
                            THEN 1 ELSE 0 END AS Buyer
                FROM survey_responses r LEFT JOIN customers c ON c.id = r.customer_id
                WHERE r.survey_id = @surveyId
                ORDER BY r.id
                """, new { surveyId }, cancellationToken: ct))).ToList();
        await snapshots.ProgressAsync(surveyId, 0.05, ct);
        var scored = Sentiment(rows);
        await snapshots.ProgressAsync(surveyId, 0.35, ct);
        var texts = rows.Where(r => r.Body is not null).ToList();
        var found = themeFinders.FirstOrDefault()?.Find(texts.Select(r => r.Body!).ToList(), MaxThemes, ThemeSeed) ?? [];
        await snapshots.ProgressAsync(surveyId, 0.6, ct);
        var themeOf = new Dictionary<long, string>();
        foreach (var theme in found)
            foreach (var member in theme.Members) themeOf[texts[member].Id] = theme.Label;
        var now = clock.GetUtcNow().UtcDateTime;
        var chunks = rows.Chunk(Batch).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            await runner.WriteAsync(new WriteUnit<int[]>(async (s, t) =>
            {
                foreach (var r in chunk)
                {
                    var (label, positive) = scored.GetValueOrDefault(r.Id, (r.Sentiment, r.SentimentPositive));
                    await s.Connection.ExecuteAsync(new CommandDefinition(
                        """
                        UPDATE survey_responses SET sentiment = @label, sentiment_positive = @positive, theme = @theme, channel = @Channel,
                            kol = @Kol, buyer = @Buyer, analysed = 1
                        WHERE id = @Id
                        """, new { label, positive, theme = themeOf.GetValueOrDefault(r.Id), r.Channel, r.Kol, r.Buyer, r.Id },
                        s.Transaction, cancellationToken: t));
                }
                return [chunk.Length];
            }, _ => true, _ => null, UndoFree: false), ct);
            await snapshots.ProgressAsync(surveyId, 0.6 + 0.3 * (i + 1) / chunks.Count, ct);
        }
        await runner.WriteAsync(new WriteUnit<int[]>(async (s, t) =>
        {
            await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM survey_themes WHERE survey_id = @surveyId
                """, new { surveyId }, s.Transaction, cancellationToken: t));
            await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO survey_themes (survey_id, position, label, examples_json) VALUES (@surveyId, @position, @label, @examples)
                """, found.Select((theme, position) => new
                {
                    surveyId, position, label = theme.Label,
                    examples = JsonSerializer.Serialize(theme.Examples.Select(e => texts[e].Body)),
                }), s.Transaction, cancellationToken: t));
            await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE surveys SET analysed_at = @now WHERE id = @surveyId
                """, new { now, surveyId }, s.Transaction, cancellationToken: t));
            return [1];
        }, _ => true, _ => null, UndoFree: false), ct);
        await snapshots.RefreshAsync(surveyId, ct);
    }

    /// <summary>Sentiment of the free text not scored yet; a text already scored (or corrected) keeps its label.</summary>
    private Dictionary<long, (string?, double?)> Sentiment(List<Pending> rows)
    {
        var scorer = scorers.FirstOrDefault();
        var todo = rows.Where(r => r.Body is not null && r.Sentiment is null).ToList();
        if (scorer is null || todo.Count == 0) return [];
        var scores = scorer.Score(todo.Select(r => r.Body!).ToList());
        return todo.Select((r, i) => (r.Id, scores[i])).ToDictionary(x => x.Id, x => ((string?)x.Item2.Label, (double?)x.Item2.Positive));
    }
}

/// <summary>Finds the themes of a set of texts: seeded, so that the same texts always give the same themes.</summary>
public interface ISurveyThemes
{
    IReadOnlyList<TextTheme> Find(IReadOnlyList<string> texts, int maxThemes, int seed);
}
