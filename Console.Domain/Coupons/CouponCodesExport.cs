using System.Text;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>A campaign's codes as CSV (code, single_use, used): the list a marketer hands to a partner or a mailing.</summary>
public sealed class CouponCodesExport(Db db)
{
    private sealed record Row
    {
        public string Code { get; init; } = "";
        public bool IsUnique { get; init; }
        public long Uses { get; init; }
    }

    /// <summary>Null when the campaign does not exist.</summary>
    public async Task<string?> CsvAsync(long campaignId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM coupon_campaigns WHERE id = @campaignId
            """, new { campaignId }, cancellationToken: ct));
        if (exists == 0) return null;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT code, is_unique AS IsUnique, uses FROM coupon_codes WHERE campaign_id = @campaignId ORDER BY id
            """, new { campaignId }, cancellationToken: ct));
        var csv = new StringBuilder("code,single_use,used\n");
        // Codes are [A-Z0-9_-] only, so no field needs quoting.
        foreach (var row in rows) csv.Append(row.Code).Append(row.IsUnique ? ",yes," : ",no,").Append(row.Uses).Append('\n');
        return csv.ToString();
    }
}
