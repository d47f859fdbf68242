using Console.Domain.Data;
using Console.Domain.Segments;

namespace Console.Domain.Email;

/// <summary>
/// What the dispatch job does each time it runs: freezes the runs that have come due (a scheduled send, this week's
/// occurrence of a weekly campaign, each live session that ended since a trigger was armed), then sends every open run
/// that is not paused. Each run key is frozen once however often this runs, and sending is safe beside other workers.
/// </summary>
public sealed class EmailDispatch(StatementRunner runner, FreezeRun freeze, SendEmailRun send, TimeProvider clock,
    ISegmentMembers? segments = null, IUnsubscribeLinks? links = null)
{
    public sealed record Outcome(int Frozen, int RunsSent, int Sent, int Failed, bool SegmentsUnavailable);

    private const string DueSql = $"""
        SELECT {EmailCampaign.Columns} FROM email_campaigns
        WHERE paused = 0 AND status IN ('scheduled', 'sending') AND (send_at IS NULL OR send_at <= @now)
          AND (status = 'scheduled' OR repeat_weekly = 1 OR trigger_kind IS NOT NULL)
        ORDER BY id
        """;

    private const string OpenRunsSql =
        """
        SELECT r.id FROM email_runs r JOIN email_campaigns c ON c.id = r.campaign_id
        WHERE r.status = 'sending' AND c.paused = 0 ORDER BY r.id
        """;

    // Sessions that ended since the campaign was created; those with a run already are left out by their run key.
    private const string EndedSessionsSql =
        """
        SELECT s.id FROM live_sessions s
        WHERE s.ended_at IS NOT NULL AND s.ended_at >= @since AND s.ended_at <= @now
        ORDER BY s.id
        """;

    private const string RunKeysSql = "SELECT run_key FROM email_runs WHERE campaign_id = @id";

    // Viewers of the session who have not bought its course, from the session's start on.
    private const string ViewersWhoDidNotBuySql =
        """
        SELECT DISTINCT e.customer_id FROM events e
        JOIN live_sessions s ON s.id = e.live_session_id
        WHERE e.live_session_id = @sessionId
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = e.customer_id
                          AND (o.live_session_id = s.id OR (o.course_id = s.course_id AND o.paid_at >= COALESCE(s.started_at, s.scheduled_at, e.occurred_at))))
        """;

    public async Task<Outcome> ExecuteAsync(CancellationToken ct)
    {
        var frozen = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        List<EmailCampaign> due;
        await using (var read = await runner.ReadAsync(ct))
            due = (await Dapper.SqlMapper.QueryAsync<EmailCampaign>(read.Connection, new Dapper.CommandDefinition(DueSql, new { now }, cancellationToken: ct))).ToList();
        var unavailable = due.Count > 0 && (segments is null || links is null);
        if (!unavailable)
            foreach (var campaign in due)
                foreach (var (key, ids) in await RunsDueAsync(campaign, now, ct))
                    if (await freeze.ExecuteAsync(campaign, key, ids, [EmailCampaignStatus.Scheduled, EmailCampaignStatus.Sending], links!, ct) is FreezeRun.Outcome.Frozen)
                        frozen++;
        List<long> open;
        await using (var read = await runner.ReadAsync(ct))
            open = (await Dapper.SqlMapper.QueryAsync<long>(read.Connection, new Dapper.CommandDefinition(OpenRunsSql, cancellationToken: ct))).ToList();
        int sent = 0, failed = 0;
        foreach (var runId in open)
        {
            var outcome = await send.ExecuteAsync(runId, ct);
            (sent, failed) = (sent + outcome.Sent, failed + outcome.Failed);
        }
        return new Outcome(frozen, open.Count, sent, failed, unavailable);
    }

    private async Task<List<(string Key, IReadOnlyList<long> Ids)>> RunsDueAsync(EmailCampaign c, DateTime now, CancellationToken ct)
    {
        var runs = new List<(string, IReadOnlyList<long>)>();
        if (c.TriggerKind == EmailTriggers.LiveSessionEnded)
        {
            var members = (await segments!.CustomerIdsAsync(c.SegmentId, ct)).ToHashSet();
            await using var read = await runner.ReadAsync(ct);
            var sessions = (await Dapper.SqlMapper.QueryAsync<long>(read.Connection, new Dapper.CommandDefinition(EndedSessionsSql,
                new { since = c.SendAt ?? c.CreatedAt, now }, cancellationToken: ct))).ToList();
            var keys = (await Dapper.SqlMapper.QueryAsync<string>(read.Connection, new Dapper.CommandDefinition(RunKeysSql,
                new { id = c.Id }, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
            foreach (var session in sessions.Where(s => !keys.Contains($"live:{s}")))
            {
                var viewers = await Dapper.SqlMapper.QueryAsync<long>(read.Connection, new Dapper.CommandDefinition(ViewersWhoDidNotBuySql,
                    new { sessionId = session }, cancellationToken: ct));
                runs.Add(($"live:{session}", viewers.Where(members.Contains).ToList()));
            }
            return runs;
        }
        if (c.RepeatWeekly && c.SendAt is { } first)
        {
            // This week's occurrence, if it fell within the last day: a long outage does not send a backlog of weeks.
            var weeks = (int)Math.Floor((now - first).TotalDays / 7);
            var occurrence = first.AddDays(7 * weeks);
            if (now - occurrence <= TimeSpan.FromDays(1))
                runs.Add(($"week:{occurrence:yyyy-MM-dd}", await segments!.CustomerIdsAsync(c.SegmentId, ct)));
            return runs;
        }
        if (c.Status == EmailCampaignStatus.Scheduled) runs.Add(("once", await segments!.CustomerIdsAsync(c.SegmentId, ct)));
        return runs;
    }
}
