using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

/// <summary>A column that holds a customer's id, and the section of the export that carries its rows.</summary>
public sealed record HeldColumn(string Table, string Column, string Section);

/// <summary>
/// Every place the store keeps a customer's id, and the export section that covers it. A new table with a customer_id
/// (or a *_customer_id) column that is not listed here is found by <see cref="UncoveredAsync"/>, so nothing held
/// about a customer can be left out of their export or their erasure without a test saying so.
/// </summary>
public static class CustomerDataMap
{
    public static readonly IReadOnlyList<HeldColumn> Covered =
    [
        new("customers", "id", "profile"),
        new("events", "customer_id", "events"),
        new("orders", "customer_id", "orders"),
        new("coupon_redemptions", "customer_id", "couponRedemptions"),
        new("coupon_campaign_customers", "customer_id", "couponAudiences"),
        new("group_buy_teams", "leader_customer_id", "groupBuyTeamsLed"),
        new("group_buy_members", "customer_id", "groupBuyMemberships"),
        new("kols", "customer_id", "kolAccounts"),
        new("kol_click_customers", "customer_id", "kolClicks"),
        new("experiment_exposures", "customer_id", "experimentAssignments"),
        new("survey_links", "customer_id", "surveyLinks"),
        new("survey_responses", "customer_id", "surveyAnswers"),
        new("consent_changes", "customer_id", "consentHistory"),
        new("segment_propensity", "customer_id", "storedPropensity"),
        new("email_recipients", "customer_id", "emailDeliveries"),
        new("email_coupon_codes", "customer_id", "emailCoupons"),
    ];

    private static readonly DialectSql IdColumnsSql = new(d => d == Dialect.Sqlite
        ? """
          SELECT m.name AS TableName, p.name AS ColumnName
          FROM sqlite_master m, pragma_table_info(m.name) p
          WHERE m.type = 'table' AND (p.name = 'customer_id' OR p.name LIKE '%\_customer\_id' ESCAPE '\')
          """
        : """
          SELECT TABLE_NAME AS TableName, COLUMN_NAME AS ColumnName
          FROM INFORMATION_SCHEMA.COLUMNS
          WHERE COLUMN_NAME = 'customer_id' OR COLUMN_NAME LIKE '%\_customer\_id' ESCAPE '\'
          """);

    /// <summary>Columns of the store that hold a customer id and are on no export section.</summary>
    public static async Task<IReadOnlyList<(string Table, string Column)>> UncoveredAsync(Db db, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var found = await connection.QueryAsync<(string TableName, string ColumnName)>(
            new CommandDefinition(IdColumnsSql.For(db.Dialect), cancellationToken: ct));
        return found.Where(f => !Covered.Any(c => c.Table == f.TableName && c.Column == f.ColumnName))
            .Select(f => (f.TableName, f.ColumnName)).OrderBy(f => f.TableName).ToList();
    }
}
