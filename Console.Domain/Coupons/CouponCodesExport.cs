using Console.Domain.Data;
using CsvHelper;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>A campaign's codes as CSV (code, single_use, used): the list a marketer hands to a partner or a mailing.</summary>
public sealed partial class CouponCodesExport(Db db)
{
    [CsvRecord, CsvOptions(NewLine = "\n", Culture = "")]
    internal sealed partial record Row
    {
        [CsvColumn("code")] public string Code { get; init; } = "";
        [CsvColumn("single_use"), CsvBooleanValues("yes", "no")] public bool IsUnique { get; init; }
        [CsvColumn("used")] public long Uses { get; init; }
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
        return CsvText.Write(rows);
    }
}
