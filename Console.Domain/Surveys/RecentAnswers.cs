using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>A response's free text as the results page lists it, with what the analysis stored for it.</summary>
public sealed record AnsweredText
{
    public string ResponseId { get; init; } = "";
    public string Text { get; init; } = "";
    public int? NpsScore { get; init; }
    public string? Sentiment { get; init; }
    public double? SentimentPositive { get; init; }
    public string? Theme { get; init; }
    public DateTime SubmittedAt { get; init; }
}

/// <summary>The latest analysed free-text answers of a survey, newest first.</summary>
public sealed class RecentAnswers(Db db)
{
    public async Task<IReadOnlyList<AnsweredText>> ReadAsync(long surveyId, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AnsweredText>(new CommandDefinition(Sql.For(db.Dialect),
            new { surveyId, skip = 0, take }, cancellationToken: ct))).ToList();
    }

    private static readonly DialectSql Sql = new(d =>
        $"""
        SELECT response_id AS ResponseId, free_text AS Text, nps_score AS NpsScore, sentiment AS Sentiment,
               sentiment_positive AS SentimentPositive, theme AS Theme, submitted_at AS SubmittedAt
        FROM survey_responses WHERE survey_id = @surveyId AND analysed = 1 AND free_text IS NOT NULL
        ORDER BY submitted_at DESC, id DESC {PageFragment.For(d)}
        """);
}
