using Console.Domain.Data;
using Console.Domain.Text;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// The sentiment label of one response, scored when it is first asked for and stored, so that the API can answer with
/// it at once; null when the response wrote no free text. The analysis job scores whatever this has not.
/// </summary>
public sealed class SurveyResponseSentiment(StatementRunner runner, IEnumerable<ISentimentScorer> scorers)
{
    private sealed record Row
    {
        public long Id { get; init; }
        public string? Body { get; init; }
        public string? Sentiment { get; init; }
    }

    public async Task<string?> LabelAsync(long surveyId, string responseId, CancellationToken ct = default)
    {
        Row? row;
        await using (var read = await runner.ReadAsync(ct))
            row = await read.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                """
                SELECT id AS Id, free_text AS Body, sentiment AS Sentiment FROM survey_responses
                WHERE survey_id = @surveyId AND response_id = @responseId
                """, new { surveyId, responseId }, cancellationToken: ct));
        if (row?.Body is null || row.Sentiment is not null || scorers.FirstOrDefault() is not { } scorer) return row?.Sentiment;
        var score = scorer.Score([row.Body])[0];
        await runner.WriteAsync(new WriteUnit<int[]>(async (s, t) => [await s.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE survey_responses SET sentiment = @Label, sentiment_positive = @Positive WHERE id = @Id AND sentiment IS NULL
            """, new { score.Label, score.Positive, row.Id }, s.Transaction, cancellationToken: t))], _ => true, _ => null, UndoFree: true), ct);
        return score.Label;
    }
}
