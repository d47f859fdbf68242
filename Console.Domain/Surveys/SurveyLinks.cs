using System.Security.Cryptography;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>A link respondents open at /s/{token}: per survey, and optionally per customer and live session.</summary>
public sealed record SurveyLink(long Id, long SurveyId, string Token, long? CustomerId, string? CustomerExternalId, string? LiveSessionExternalId);

/// <summary>Makes links and finds them by token. Tokens are random and long enough that nobody guesses another's.</summary>
public sealed class SurveyLinks(StatementRunner runner, Db db, TimeProvider clock)
{
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private sealed record Row
    {
        public long Id { get; init; }
        public long SurveyId { get; init; }
        public string Token { get; init; } = "";
        public long? CustomerId { get; init; }
        public string? CustomerExternalId { get; init; }
        public string? LiveSessionExternalId { get; init; }
    }

    /// <summary>A new manual link; null when the customer or live session is unknown.</summary>
    public async Task<SurveyLink?> CreateAsync(long surveyId, string? customerExternalId, string? liveSessionExternalId, CancellationToken ct = default)
    {
        var token = NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await runner.WriteAsync(new WriteUnit<SurveyLink?[]>(async (s, t) =>
        {
            var inserted = await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO survey_links (survey_id, token, origin, customer_id, live_session_id, created_at)
                SELECT v.id, @token, 'manual', c.id, ls.id, @now
                FROM surveys v
                LEFT JOIN customers c ON c.external_id = @customerExternalId
                LEFT JOIN live_sessions ls ON ls.external_id = @liveSessionExternalId
                WHERE v.id = @surveyId AND (@customerExternalId IS NULL OR c.id IS NOT NULL)
                    AND (@liveSessionExternalId IS NULL OR ls.id IS NOT NULL)
                """, new { surveyId, token, now, customerExternalId, liveSessionExternalId }, s.Transaction, cancellationToken: t));
            return [inserted == 1 ? new SurveyLink(0, surveyId, token, null, customerExternalId, liveSessionExternalId) : null];
        }, r => r[0] is not null, _ => null, UndoFree: true), ct);
        return created[0] is null ? null : await FindAsync(token, ct);
    }

    public async Task<SurveyLink?> FindAsync(string token, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT l.id AS Id, l.survey_id AS SurveyId, l.token AS Token, l.customer_id AS CustomerId, c.external_id AS CustomerExternalId,
                   ls.external_id AS LiveSessionExternalId
            FROM survey_links l
            LEFT JOIN customers c ON c.id = l.customer_id
            LEFT JOIN live_sessions ls ON ls.id = l.live_session_id
            WHERE l.token = @token
            """, new { token }, cancellationToken: ct));
        return row is null ? null : new SurveyLink(row.Id, row.SurveyId, row.Token, row.CustomerId, row.CustomerExternalId, row.LiveSessionExternalId);
    }

    /// <summary>Whether this respondent has already answered through this link.</summary>
    public async Task<bool> AnsweredAsync(long linkId, string respondent, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM survey_responses WHERE link_id = @linkId AND respondent = @respondent
            """, new { linkId, respondent }, cancellationToken: ct)) > 0;
    }

    /// <summary>The session links of a live session, one per survey whose trigger made one.</summary>
    public async Task<IReadOnlyList<(string SurveyName, string Token)>> ForSessionAsync(long liveSessionId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            """
            SELECT v.name, l.token FROM survey_links l
            JOIN surveys v ON v.id = l.survey_id
            WHERE l.live_session_id = @liveSessionId AND l.origin = 'session'
            ORDER BY l.id
            """, new { liveSessionId }, cancellationToken: ct))).ToList();
    }
}
