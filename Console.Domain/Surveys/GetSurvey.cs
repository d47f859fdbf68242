using Console.Domain.Data;

namespace Console.Domain.Surveys;

/// <summary>One survey with its questions in order; null when unknown.</summary>
public sealed class GetSurvey(Db db)
{
    public async Task<Survey?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await SurveyStore.LoadAsync(connection, null, id, ct);
    }
}
