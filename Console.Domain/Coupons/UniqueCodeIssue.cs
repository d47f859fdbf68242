using System.Data.Common;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>
/// The one check every issuer of codes shares. A unique code is handed to one customer outside checkout by an email
/// campaign (email_coupon_codes) or an experiment (experiment_exposures); it is free only while nobody has used it and
/// neither has handed it out. New codes, generated or typed, live in one namespace with KOL referral codes.
/// </summary>
public static class UniqueCodeIssue
{
    /// <summary>The ids of the codes of campaign <c>@campaignId</c> that may still be handed to someone.</summary>
    public const string FreeCodeIds =
        """
        SELECT free_code.id FROM coupon_codes free_code
        WHERE free_code.campaign_id = @campaignId AND free_code.is_unique = 1 AND free_code.uses = 0
          AND NOT EXISTS (SELECT 1 FROM email_coupon_codes held_by_email WHERE held_by_email.code_id = free_code.id)
          AND NOT EXISTS (SELECT 1 FROM experiment_exposures held_by_experiment WHERE held_by_experiment.coupon_code_id = free_code.id)
        """;

    private static readonly DialectSql TakenSql = new(d =>
        $"""
        SELECT code FROM coupon_codes WHERE code IN (SELECT value FROM {DialectSql.JsonValues(d, "@codes")})
        UNION SELECT code FROM kol_codes WHERE code IN (SELECT value FROM {DialectSql.JsonValues(d, "@codes")})
        """);

    /// <summary>Which of these codes a coupon or a KOL already holds.</summary>
    public static async Task<IReadOnlySet<string>> TakenAsync(DbConnection connection, DbTransaction tx, Dialect dialect,
        IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0) return new HashSet<string>();
        var taken = await connection.QueryAsync<string>(new CommandDefinition(TakenSql.For(dialect),
            new { codes = JsonSerializer.Serialize(codes) }, tx, cancellationToken: ct));
        return taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
