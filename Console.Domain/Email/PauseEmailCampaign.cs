using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>
/// Pause and resume. A paused campaign's senders stop claiming at their next page and leave the rest queued; resuming
/// answers the runs still open, so the caller can start their senders again. Nothing sent is sent again.
/// </summary>
public sealed class PauseEmailCampaign(StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Done(IReadOnlyList<long> OpenRuns) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record NotSending : Outcome;
    }

    private const string PauseSql =
        """
        UPDATE email_campaigns SET paused = @paused, updated_at = @now WHERE id = @id AND status IN ('sending', 'scheduled')
        """;

    private const string ExistsSql = "SELECT COUNT(*) FROM email_campaigns WHERE id = @id";

    private const string OpenRunsSql = "SELECT id FROM email_runs WHERE campaign_id = @id AND status = 'sending' ORDER BY id";

    private sealed record Changed(int Rows);

    public async Task<Outcome> ExecuteAsync(long id, bool pause, string actor, string? reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await runner.WriteAsync(new WriteUnit<Changed>(async (run, token) =>
        {
            var rows = await run.ExecuteAsync(PauseSql, token, ("paused", pause), ("now", now), ("id", id));
            if (rows == 1)
                await Audit.WriteAsync(run.Connection, run.Transaction!, actor, pause ? "email_campaign.pause" : "email_campaign.resume", "email_campaign",
                    id.ToString(), new { paused = !pause }, new { paused = pause, reason }, now);
            return new Changed(rows);
        }, _ => true, _ => null, UndoFree: false), ct);
        await using var read = await runner.ReadAsync(ct);
        if (changed.Rows == 0)
            return await read.ScalarAsync<long>(ExistsSql, ct, ("id", id)) == 0 ? new Outcome.NotFound() : new Outcome.NotSending();
        var open = (await Dapper.SqlMapper.QueryAsync<long>(read.Connection, new Dapper.CommandDefinition(OpenRunsSql, new { id }, cancellationToken: ct))).ToList();
        return new Outcome.Done(open);
    }
}
