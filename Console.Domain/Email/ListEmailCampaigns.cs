using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>Campaigns newest first, each with its counts, a page at a time.</summary>
public sealed class ListEmailCampaigns(StatementRunner runner)
{
    public sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Paused { get; init; }
        public DateTime? SendAt { get; init; }
        public bool RepeatWeekly { get; init; }
        public string? TriggerKind { get; init; }
        public long Recipients { get; init; }
        public long Sent { get; init; }
        public long Failed { get; init; }
        public long Skipped { get; init; }
        public long Queued { get; init; }
        public long Sending { get; init; }
        public DateTime CreatedAt { get; init; }

        public string ShownStatus => Paused ? EmailCampaignStatus.Paused : Status;

        public double Progress => Queued + Sending + Sent + Failed == 0 ? (Recipients > 0 ? 1 : 0) : (double)(Sent + Failed) / (Queued + Sending + Sent + Failed);
    }

    private static readonly DialectSql PageSql = new(d =>
        $"""
        SELECT c.id AS Id, c.name AS Name, c.status AS Status, c.paused AS Paused, c.send_at AS SendAt, c.repeat_weekly AS RepeatWeekly,
               c.trigger_kind AS TriggerKind,
               (SELECT COUNT(*) FROM email_recipients r WHERE r.campaign_id = c.id) AS Recipients,
               (SELECT COUNT(*) FROM email_recipients r WHERE r.campaign_id = c.id AND r.state = 'sent') AS Sent,
               (SELECT COUNT(*) FROM email_recipients r WHERE r.campaign_id = c.id AND r.state = 'failed') AS Failed,
               (SELECT COUNT(*) FROM email_recipients r WHERE r.campaign_id = c.id AND r.state = 'skipped') AS Skipped,
               (SELECT COUNT(*) FROM email_recipients r WHERE r.campaign_id = c.id AND r.state = 'queued') AS Queued,
               (SELECT COUNT(*) FROM email_recipients r WHERE r.campaign_id = c.id AND r.state = 'sending') AS Sending,
               c.created_at AS CreatedAt
        FROM email_campaigns c
        ORDER BY c.id DESC {PageFragment.For(d)}
        """);

    private const string CountSql = "SELECT COUNT(*) FROM email_campaigns";

    public async Task<(IReadOnlyList<Row> Rows, long Total)> PageAsync(int skip, int take, CancellationToken ct)
    {
        await using var read = await runner.ReadAsync(ct);
        var rows = (await Dapper.SqlMapper.QueryAsync<Row>(read.Connection,
            new Dapper.CommandDefinition(PageSql.For(read.Dialect), new { skip, take }, cancellationToken: ct))).ToList();
        return (rows, await read.ScalarAsync<long>(CountSql, ct));
    }
}
