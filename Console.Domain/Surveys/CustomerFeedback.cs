using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>One survey answer of a customer as their profile shows it.</summary>
public sealed record CustomerAnswer
{
    public long SurveyId { get; init; }
    public string SurveyName { get; init; } = "";
    public DateTime SubmittedAt { get; init; }
    public int? NpsScore { get; init; }
    public int? CsatScore { get; init; }
    public string? Text { get; init; }
    public string? Sentiment { get; init; }

    public string? NpsCategory => NpsScore is { } s ? NpsMath.Category(s) : null;
}

/// <summary>A customer's survey answers, newest first; the latest NPS answer gives their category.</summary>
public sealed class CustomerFeedback(Db db)
{
    public async Task<IReadOnlyList<CustomerAnswer>> ReadAsync(long customerId, int take = 20, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CustomerAnswer>(new CommandDefinition(Sql.For(db.Dialect),
            new { customerId, skip = 0, take }, cancellationToken: ct))).ToList();
    }

    private static readonly DialectSql Sql = new(d =>
        $"""
        SELECT r.survey_id AS SurveyId, v.name AS SurveyName, r.submitted_at AS SubmittedAt, r.nps_score AS NpsScore,
               r.csat_score AS CsatScore, r.free_text AS Text, r.sentiment AS Sentiment
        FROM survey_responses r JOIN surveys v ON v.id = r.survey_id
        WHERE r.customer_id = @customerId
        ORDER BY r.submitted_at DESC, r.id DESC {PageFragment.For(d)}
        """);
}
