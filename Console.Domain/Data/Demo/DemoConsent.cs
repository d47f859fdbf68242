using System.Data.Common;
using Dapper;

namespace Console.Domain.Data.Demo;

/// <summary>Demo consent history: each opted-in demo customer gave consent when the platform first sent them.</summary>
internal static class DemoConsent
{
    public static int Write(DbConnection connection, DbTransaction tx) => connection.Execute(
        """
        INSERT INTO consent_changes (customer_id, opt_in, source, email_campaign_id, changed_at)
        SELECT id, 1, 'api', NULL, created_at FROM customers WHERE email_opt_in = 1 ORDER BY id
        """, transaction: tx);
}
