using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>The sentiment label stored for one response; null when it wrote no free text or has not been scored.</summary>
public sealed class SurveyResponseSentiment(Db db)
{
    public async Task<string?> LabelAsync(long surveyId, string responseId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            SELECT sentiment FROM survey_responses WHERE survey_id = @surveyId AND response_id = @responseId
            """, new { surveyId, responseId }, cancellationToken: ct));
    }
}
