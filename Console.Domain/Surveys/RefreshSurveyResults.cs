using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// Stores each survey's snapshot: the figures over all its analysed responses, which the results page and API read for
/// the unfiltered view. Re-entrant: one row per survey, replaced whole; a run over unchanged rows stores the same figures.
/// A snapshot is due when there is none, or the survey was analysed or edited after it was taken.
/// </summary>
public sealed class RefreshSurveyResults(StatementRunner runner, SurveyResults results, TimeProvider clock)
{
    private const string DueSql =
        """
        SELECT s.id FROM surveys s LEFT JOIN survey_snapshots n ON n.survey_id = s.id
        WHERE n.computed_at IS NULL OR n.computed_at < s.analysed_at OR n.computed_at < s.updated_at
        ORDER BY s.id
        """;

    private const string StoreSql =
        """
        UPDATE survey_snapshots SET computed_at = @now, body = @body, progress = NULL WHERE survey_id = @surveyId
        """;

    private const string ProgressSql =
        """
        UPDATE survey_snapshots SET progress = @progress, started_at = @now WHERE survey_id = @surveyId
        """;

    // One row per survey, made by whichever write comes first; the caller's UPDATE then fills it.
    private const string EnsureSql =
        """
        INSERT INTO survey_snapshots (survey_id) SELECT @surveyId WHERE NOT EXISTS (SELECT 1 FROM survey_snapshots WHERE survey_id = @surveyId)
        """;

    /// <summary>Refreshes every survey whose snapshot is due; answers how many it stored.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        List<long> due;
        await using (var run = await runner.ReadAsync(ct))
            due = (await run.Connection.QueryAsync<long>(new CommandDefinition(DueSql, cancellationToken: ct))).ToList();
        var stored = 0;
        foreach (var id in due)
            if (await RefreshAsync(id, ct) is not null) stored++;
        return stored;
    }

    /// <summary>Sums one survey's analysed responses now and stores them as its snapshot; null for an unknown survey.</summary>
    public async Task<SurveyFigures?> RefreshAsync(long surveyId, CancellationToken ct = default)
    {
        Survey? survey;
        await using (var run = await runner.ReadAsync(ct))
            survey = await SurveyStore.LoadAsync(run.Connection, null, surveyId, ct);
        if (survey is null) return null;
        var figures = await results.ComputeAsync(survey, await results.ThemeLabelsAsync(surveyId, ct), new ResultsFilter(), ct);
        var body = JsonSerializer.Serialize(figures, SurveyResults.Json);
        var now = clock.GetUtcNow().UtcDateTime;
        await runner.WriteAsync(new WriteUnit<object>(async (s, t) =>
        {
            await s.ExecuteAsync(EnsureSql, t, ("surveyId", surveyId));
            await s.ExecuteAsync(StoreSql, t, ("now", now), ("body", body), ("surveyId", surveyId));
            return survey;
        }, _ => true, _ => null, UndoFree: false), ct);
        return figures;
    }

    /// <summary>Records the share done (0..1) of a refresh under way, for the results page's progress bar.</summary>
    public Task ProgressAsync(long surveyId, double share, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return runner.WriteAsync(new WriteUnit<object>(async (s, t) =>
        {
            await s.ExecuteAsync(EnsureSql, t, ("surveyId", surveyId));
            await s.ExecuteAsync(ProgressSql, t, ("progress", Math.Clamp(share, 0, 1)), ("now", now), ("surveyId", surveyId));
            return s;
        }, _ => true, _ => null, UndoFree: false), ct);
    }
}
