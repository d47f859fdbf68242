using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>A row of the surveys list: its state, trigger, how many answered, and the NPS counts of its analysed responses.</summary>
public sealed record SurveyRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";
    public string TriggerKind { get; init; } = "";
    public long Responses { get; init; }
    public long Promoters { get; init; }
    public long Passives { get; init; }
    public long Detractors { get; init; }
    public DateTime CreatedAt { get; init; }

    public NpsFigures Nps => NpsMath.Of((int)Promoters, (int)Passives, (int)Detractors);
}

public sealed record SurveyPage(IReadOnlyList<SurveyRow> Rows, long Total);

/// <summary>One page of surveys, newest first, optionally of one status.</summary>
public sealed class ListSurveys(Db db)
{
    public async Task<SurveyPage> PageAsync(string? status, int skip, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { status, skip, take };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM surveys WHERE (@status IS NULL OR status = @status)
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<SurveyRow>(new CommandDefinition(PageSql.For(db.Dialect), args, cancellationToken: ct));
        return new SurveyPage(rows.ToList(), total);
    }

    private static readonly DialectSql PageSql = new(d =>
        $"""
        SELECT v.id, v.name, v.status, v.trigger_kind AS TriggerKind, v.created_at AS CreatedAt,
               (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = v.id) AS Responses,
               (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = v.id AND r.analysed = 1 AND r.nps_score >= 9) AS Promoters,
               (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = v.id AND r.analysed = 1 AND r.nps_score IN (7, 8)) AS Passives,
               (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = v.id AND r.analysed = 1 AND r.nps_score <= 6) AS Detractors
        FROM surveys v WHERE (@status IS NULL OR v.status = @status)
        ORDER BY v.id DESC {PageFragment.For(d)}
        """);
}
