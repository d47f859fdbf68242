using System.Collections.Concurrent;
using Console.Domain.Data;
using Console.Domain.Recommendations;

namespace Console.Domain.Email;

/// <summary>
/// Sends one run's frozen recipients over a small pool of reused connections, at the shared rate. Never twice: each
/// recipient is claimed (queued → sending) by a conditional update that commits before its message goes to SMTP, and
/// only the claiming worker settles it. Any number of workers may send one run at once, and a worker may die at any
/// moment: a row left in sending by a dead worker is the one message that worker had in flight per connection. The
/// server may or may not hold it, so once its lease has passed it is failed as interrupted and never sent again
/// (at most once); every other row is either settled or still queued, so nobody is skipped.
/// </summary>
public sealed class SendEmailRun(StatementRunner runner, RateSlots rates, MailTransports transports, EmailOptions options, TimeProvider clock,
    CourseCards courses, PersonalData personal)
{
    // One sender per run per process; other processes may send the same run at the same time.
    private readonly ConcurrentDictionary<long, bool> _sendingHere = new();

    public sealed record Outcome(string Status, int Sent, int Failed, int Retried);

    public static class Statuses
    {
        public const string Finished = "finished";
        public const string Paused = "paused";
        public const string AlreadyHere = "already_here";
        public const string NotOpen = "not_open";
    }

    private sealed record RunRow
    {
        public long RunId { get; init; }
        public string RunStatus { get; init; } = "";
        public long CampaignId { get; init; }
    }

    private const string RunSql =
        """
        SELECT r.id AS RunId, r.status AS RunStatus, r.campaign_id AS CampaignId FROM email_runs r WHERE r.id = @runId
        """;

    private const string CampaignSql = $"SELECT {EmailCampaign.Columns} FROM email_campaigns WHERE id = @id";

    private const string PausedSql = "SELECT paused FROM email_campaigns WHERE id = @id";

    private const string FinishRunSql =
        """
        UPDATE email_runs SET status = 'sent', finished_at = @now WHERE id = @runId AND status = 'sending'
        """;

    // A one-off campaign is done with its run; a weekly or triggered one waits for its next run.
    private const string FinishCampaignSql =
        """
        UPDATE email_campaigns
        SET status = CASE WHEN repeat_weekly = 1 OR trigger_kind IS NOT NULL THEN 'scheduled' ELSE 'sent' END,
            finished_at = @now, updated_at = @now
        WHERE id = @id AND status = 'sending'
          AND NOT EXISTS (SELECT 1 FROM email_runs WHERE campaign_id = @id AND status = 'sending')
        """;

    private sealed record Changed(int Rows);

    public async Task<Outcome> ExecuteAsync(long runId, CancellationToken ct)
    {
        if (!_sendingHere.TryAdd(runId, true)) return new Outcome(Statuses.AlreadyHere, 0, 0, 0);
        try
        {
            return await SendAsync(runId, ct);
        }
        finally
        {
            _sendingHere.TryRemove(runId, out _);
        }
    }

    private async Task<Outcome> SendAsync(long runId, CancellationToken ct)
    {
        RunRow? run;
        EmailCampaign? campaign;
        await using (var read = await runner.ReadAsync(ct))
        {
            run = await read.SingleOrDefaultAsync<RunRow>(RunSql, ct, ("runId", runId));
            campaign = run is null ? null : await read.SingleOrDefaultAsync<EmailCampaign>(CampaignSql, ct, ("id", run.CampaignId));
        }
        if (run is null || campaign is null || run.RunStatus != "sending") return new Outcome(Statuses.NotOpen, 0, 0, 0);
        var compiled = CompiledCampaign.From(campaign, options);
        var worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var lanes = new Lane[transports.Connections];
        for (var i = 0; i < lanes.Length; i++) lanes[i] = new Lane(transports.Open());
        var tally = new Tally();
        var rate = Math.Max(1, options.RatePerSecond);
        var take = Math.Clamp(rate, lanes.Length, 500);
        Task<List<QueuedRecipient>>? nextPage = null;
        try
        {
            long after = 0;
            while (true)
            {
                if (await PausedAsync(campaign.Id, ct)) return tally.Outcome(Statuses.Paused);
                var now = clock.GetUtcNow().UtcDateTime;
                await ExecuteAsync(RecipientClaims.InterruptedSql, ct, ("now", now), ("runId", runId),
                    ("cutoff", now.AddSeconds(-Math.Max(1, options.SendingLeaseSeconds))));
                var page = await (nextPage ?? PageAsync(runId, now, after, take, ct));
                nextPage = null;
                if (page.Count > 0)
                {
                    after = page[^1].Id;
                    // The next page is read, and its addresses opened, while this one is sent; the claims decide who sends what.
                    if (page.Count == take) nextPage = PageAsync(runId, now, after, take, ct);
                    var queue = new ConcurrentQueue<QueuedRecipient>(page);
                    var group = new ClaimGroup(runner, lanes.Length, worker);
                    await Task.WhenAll(lanes.Select(lane => DrainAsync(lane, queue, group, compiled, campaign, worker, rate, tally, ct)));
                    continue;
                }
                if (after > 0)
                {
                    // The end of the list: start again from the top for retries that have come due.
                    after = 0;
                    continue;
                }
                RecipientClaims.OpenCounts counts;
                await using (var read = await runner.ReadAsync(ct))
                    counts = (await read.SingleOrDefaultAsync<RecipientClaims.OpenCounts>(RecipientClaims.OpenCountsSql, ct, ("runId", runId)))!;
                if ((counts.Queued ?? 0) == 0 && (counts.Sending ?? 0) == 0)
                {
                    await FinishAsync(runId, campaign.Id, ct);
                    return tally.Outcome(Statuses.Finished);
                }
                // Retries not yet due, or rows another worker is sending: look again shortly.
                var wait = counts.NextAttemptAt is { } next ? DateTime.SpecifyKind(next, DateTimeKind.Utc) - clock.GetUtcNow().UtcDateTime : TimeSpan.FromMilliseconds(200);
                await Task.Delay(wait < TimeSpan.FromMilliseconds(20) ? TimeSpan.FromMilliseconds(20) : wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait, clock, ct);
            }
        }
        finally
        {
            foreach (var lane in lanes) await lane.Transport.DisposeAsync();
        }
    }

    private async Task<List<QueuedRecipient>> PageAsync(long runId, DateTime now, long after, int take, CancellationToken ct)
    {
        await using var read = await runner.ReadAsync(ct);
        return (await Dapper.SqlMapper.QueryAsync<QueuedRecipient>(read.Connection, new Dapper.CommandDefinition(
                RecipientClaims.QueuedPageSql.For(runner.Dialect), new { runId, now, after, take }, cancellationToken: ct)))
            .Select(r => r with { Email = personal.Open(r.Email) ?? "" }).ToList();
    }

    private async Task DrainAsync(Lane lane, ConcurrentQueue<QueuedRecipient> queue, ClaimGroup group, CompiledCampaign compiled,
        EmailCampaign campaign, string worker, int rate, Tally tally, CancellationToken ct)
    {
        // The settle of the message just sent rides in the same commit as the next claim: one write per message, shared
        // with the other lanes' claims of the moment. The settle only records what the server already answered, so
        // writing it a moment later changes no outcome.
        Settle? pending = null;
        var present = true;
        try
        {
            while (queue.TryDequeue(out var recipient))
            {
                if (lane.Tokens == 0)
                {
                    // Waiting for the shared rate may take up to a second: the last message's record and the other lanes do not wait with it.
                    present = Away(group);
                    if (pending is not null) await ExecuteAsync(pending.Sql, CancellationToken.None, pending.Args);
                    pending = null;
                    lane.Tokens = await rates.TakeAsync(rate, Math.Max(1, rate / (4 * transports.Connections)), ct);
                    present = Back(group);
                }
                ct.ThrowIfCancellationRequested();
                var claimedAt = clock.GetUtcNow().UtcDateTime;
                // Not cancellable: a claim that committed unseen would strand its row until the lease passed.
                var claimed = await group.ClaimAsync(pending, recipient.Id, claimedAt);
                pending = null;
                if (!claimed) continue;
                lane.Tokens--;
                // From the claim on, the send and its record are finished even if the job is asked to stop.
                var result = await SendOneAsync(lane, compiled, campaign, recipient);
                var attempts = recipient.Attempts + 1;
                var now = clock.GetUtcNow().UtcDateTime;
                switch (result.Verdict)
                {
                    case SendVerdict.Accepted:
                        pending = new Settle(RecipientClaims.SentSql, [("now", now), ("reply", Trim(result.Reply)), ("id", recipient.Id), ("worker", worker)]);
                        tally.Sent();
                        break;
                    case SendVerdict.Transient when attempts < options.MaxAttempts:
                        present = Away(group);
                        await ExecuteAsync(RecipientClaims.RequeueSql, CancellationToken.None, ("next", now + Backoff(attempts)),
                            ("reply", Trim(result.Reply)), ("now", now), ("id", recipient.Id), ("worker", worker));
                        tally.Retried();
                        // A refusing or absent server: this connection rests a moment instead of spinning through the list.
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, options.RetryBaseMilliseconds)), clock, ct);
                        present = Back(group);
                        break;
                    default:
                        var reason = result.Verdict switch
                        {
                            SendVerdict.Ambiguous => RecipientReason.Interrupted,
                            SendVerdict.Transient => RecipientReason.RetriesExhausted,
                            _ => RecipientReason.Refused,
                        };
                        pending = new Settle(RecipientClaims.FailSql, [("reason", reason), ("reply", Trim(result.Reply)), ("now", now),
                            ("id", recipient.Id), ("worker", worker)]);
                        tally.Failed();
                        break;
                }
            }
        }
        finally
        {
            if (present) group.Leave();
            // The last settle of the page, or the one left when the job is asked to stop, is written before the lane ends.
            if (pending is not null) await ExecuteAsync(pending.Sql, CancellationToken.None, pending.Args);
        }
    }

    private static bool Away(ClaimGroup group)
    {
        group.Leave();
        return false;
    }

    private static bool Back(ClaimGroup group)
    {
        group.Return();
        return true;
    }

    private async Task<SendResult> SendOneAsync(Lane lane, CompiledCampaign compiled, EmailCampaign campaign, QueuedRecipient r)
    {
        MimeKit.MimeMessage message;
        try
        {
            var recommended = campaign.Recommendations > 0
                ? (await courses.ForCustomerAsync(r.ExternalId, campaign.Recommendations, CancellationToken.None) ?? [])
                    .Select(c => new TemplateCourse(c.ExternalId, c.Title, c.Category)).ToList()
                : [];
            var model = new TemplateModel(r.CustomerId, r.ExternalId, r.Name, r.Email, r.City, recommended, r.CouponCode, r.UnsubscribeUrl ?? "");
            message = CampaignMessage.Build(compiled, r.Id, r.Email, model);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or MimeKit.ParseException)
        {
            return new SendResult(SendVerdict.Permanent, $"not rendered: {e.Message}");
        }
        return await lane.Transport.SendAsync(message, CancellationToken.None);
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(60_000d, options.RetryBaseMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<bool> PausedAsync(long campaignId, CancellationToken ct)
    {
        await using var read = await runner.ReadAsync(ct);
        return await read.ScalarAsync<bool>(PausedSql, ct, ("id", campaignId));
    }

    private async Task FinishAsync(long runId, long campaignId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await runner.WriteAsync(new WriteUnit<Changed>(async (run, token) =>
        {
            var rows = await run.ExecuteAsync(FinishRunSql, token, ("now", now), ("runId", runId));
            await run.ExecuteAsync(FinishCampaignSql, token, ("now", now), ("id", campaignId));
            return new Changed(rows);
        }, _ => true, _ => null, UndoFree: false), ct);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] args) =>
        (await runner.WriteAsync(new WriteUnit<Changed>(async (run, token) => new Changed(await run.ExecuteAsync(sql, token, args)),
            _ => true, _ => null, UndoFree: true), ct)).Rows;

    private static string Trim(string reply) => reply.Length <= 1000 ? reply : reply[..1000];

    private sealed class Lane(IMailTransport transport)
    {
        public IMailTransport Transport { get; } = transport;

        public int Tokens { get; set; }
    }

    private sealed class Tally
    {
        private int _sent, _failed, _retried;

        public void Sent() => Interlocked.Increment(ref _sent);

        public void Failed() => Interlocked.Increment(ref _failed);

        public void Retried() => Interlocked.Increment(ref _retried);

        public Outcome Outcome(string status) => new(status, _sent, _failed, _retried);
    }
}
