using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Email;

/// <summary>A coupon campaign an email may hand codes from: its name, status and how many unique codes are still free.</summary>
public sealed record EmailCouponChoice
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";
    public long FreeCodes { get; init; }
}

/// <summary>
/// The email editor's coupon picker: only campaigns with unique codes, since each recipient gets a code of their own.
/// A code is free while nobody has used it and neither an email nor an experiment holds it.
/// </summary>
public sealed class EmailCouponChoices(StatementRunner runner)
{
    /// <summary>The picker lists at most this many, newest first.</summary>
    public const int MaxChoices = 200;

    private static readonly DialectSql ListSql = new(d => $"""
        SELECT c.id AS Id, c.name AS Name, c.status AS Status,
               (SELECT COUNT(*) FROM coupon_codes free_code
                WHERE free_code.campaign_id = c.id AND free_code.is_unique = 1 AND free_code.uses = 0
                  AND NOT EXISTS (SELECT 1 FROM email_coupon_codes held_by_email WHERE held_by_email.code_id = free_code.id)
                  AND NOT EXISTS (SELECT 1 FROM experiment_exposures held_by_experiment WHERE held_by_experiment.coupon_code_id = free_code.id)) AS FreeCodes
        FROM coupon_campaigns c
        WHERE EXISTS (SELECT 1 FROM coupon_codes k WHERE k.campaign_id = c.id AND k.is_unique = 1)
        ORDER BY c.id DESC {PageFragment.For(d, "0", "200")}
        """);

    public async Task<IReadOnlyList<EmailCouponChoice>> ListAsync(CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        var rows = await read.Connection.QueryAsync<EmailCouponChoice>(new CommandDefinition(ListSql.For(read.Dialect), cancellationToken: ct));
        return rows.OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id).ToList();
    }
}
