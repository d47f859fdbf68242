using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// For every open survey triggered after live sessions, one link per ended session of its courses once delayMinutes
/// have passed since the session ended. Re-entrant: it looks for sessions still without a link, and the unique index
/// on (survey, session) for session links makes a racing second run lose rather than add one.
/// </summary>
public sealed class CreateSessionLinks(StatementRunner runner, TimeProvider clock)
{
    private sealed record Due(long SurveyId, long LiveSessionId);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Due> due;
        await using (var read = await runner.ReadAsync(ct))
            due = (await read.Connection.QueryAsync<Due>(new CommandDefinition(
                """
                SELECT v.id AS SurveyId, ls.id AS LiveSessionId
                FROM surveys v
                JOIN survey_trigger_courses t ON t.survey_id = v.id
                JOIN live_sessions ls ON ls.course_id = t.course_id
                WHERE v.status = 'open' AND v.trigger_kind = 'after_live_session' AND ls.ended_at IS NOT NULL AND ls.ended_at <= @now
                    AND NOT EXISTS (SELECT 1 FROM survey_links l WHERE l.survey_id = v.id AND l.live_session_id = ls.id AND l.origin = 'session')
                ORDER BY v.id, ls.id
                """, new { now }, cancellationToken: ct))).ToList();
        var made = 0;
        foreach (var d in due)
        {
            // The delay is checked here, in C#, so that one text serves both engines' date arithmetic.
            var created = await runner.WriteAsync(new WriteUnit<int[]>(async (s, t) =>
            {
                var delay = await s.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    SELECT delay_minutes FROM surveys WHERE id = @SurveyId
                    """, d, s.Transaction, cancellationToken: t));
                var ended = await s.Connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
                    """
                    SELECT ended_at FROM live_sessions WHERE id = @LiveSessionId
                    """, d, s.Transaction, cancellationToken: t));
                if (ended.AddMinutes(delay) > now) return [0];
                var exists = await s.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    SELECT COUNT(*) FROM survey_links WHERE survey_id = @SurveyId AND live_session_id = @LiveSessionId AND origin = 'session'
                    """, d, s.Transaction, cancellationToken: t));
                if (exists > 0) return [0];
                return [await s.Connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO survey_links (survey_id, token, origin, live_session_id, created_at)
                    VALUES (@surveyId, @token, 'session', @liveSessionId, @now)
                    """, new { surveyId = d.SurveyId, token = SurveyLinks.NewToken(), liveSessionId = d.LiveSessionId, now },
                    s.Transaction, cancellationToken: t))];
            }, r => r[0] > 0, _ => null, UndoFree: true), ct);
            made += created[0];
        }
        return made;
    }
}
