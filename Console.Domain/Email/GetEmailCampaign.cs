using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>Recipients of a campaign counted by state and skip reason, over every run.</summary>
public sealed record EmailCounts(long Recipients, long Queued, long Sending, long Sent, long Failed, long Holdout,
    IReadOnlyDictionary<string, long> Skipped)
{
    /// <summary>Settled share of the rows that will get a message or a verdict: sent and failed over all but holdout and skipped.</summary>
    public double Progress
    {
        get
        {
            var sendable = Queued + Sending + Sent + Failed;
            return sendable == 0 ? (Recipients > 0 ? 1 : 0) : (double)(Sent + Failed) / sendable;
        }
    }
}

public sealed record EmailCampaignView(EmailCampaign Campaign, EmailCounts Counts);

public sealed class GetEmailCampaign(StatementRunner runner)
{
    private const string CampaignSql = $"SELECT {EmailCampaign.Columns} FROM email_campaigns WHERE id = @id";

    private const string CountsSql =
        """
        SELECT state AS State, reason AS Reason, COUNT(*) AS N FROM email_recipients WHERE campaign_id = @id GROUP BY state, reason
        """;

    private sealed record CountRow
    {
        public string State { get; init; } = "";
        public string? Reason { get; init; }
        public long N { get; init; }
    }

    public async Task<EmailCampaignView?> FindAsync(long id, CancellationToken ct)
    {
        await using var read = await runner.ReadAsync(ct);
        var campaign = await read.SingleOrDefaultAsync<EmailCampaign>(CampaignSql, ct, ("id", id));
        if (campaign is null) return null;
        var rows = (await Dapper.SqlMapper.QueryAsync<CountRow>(read.Connection,
            new Dapper.CommandDefinition(CountsSql, new { id }, cancellationToken: ct))).ToList();
        return new EmailCampaignView(campaign, Count(rows));
    }

    private static EmailCounts Count(List<CountRow> rows)
    {
        long Of(string state) => rows.Where(r => r.State == state).Sum(r => r.N);
        var skipped = RecipientReason.Skips.ToDictionary(r => r, r => rows.Where(x => x.State == RecipientState.Skipped && x.Reason == r).Sum(x => x.N));
        return new EmailCounts(rows.Sum(r => r.N), Of(RecipientState.Queued), Of(RecipientState.Sending), Of(RecipientState.Sent),
            Of(RecipientState.Failed), Of(RecipientState.Holdout), skipped);
    }
}
