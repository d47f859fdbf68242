using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Events;

/// <summary>
/// Maps the coupon codes that claims name to their campaigns. A code never moves to another campaign and is never
/// deleted, so a found one is remembered; a live push sends the same few codes thousands of times, and remembered
/// codes let such a batch skip the lookup as remembered customers do (see <see cref="ExternalIds"/>).
/// Unknown codes are not remembered: the campaign may be created a moment later.
/// </summary>
internal sealed class ClaimedCodes(Db db)
{
    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<string, long> _campaigns = new(StringComparer.Ordinal);

    public bool TryRemembered(string code, out long campaignId) => _campaigns.TryGetValue(code, out campaignId);

    /// <summary>The campaign of each known code among <paramref name="codes"/> (normalised); unknown ones are absent.</summary>
    public async Task<Dictionary<string, long>> CampaignsAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<string> codes)
    {
        var found = new Dictionary<string, long>(codes.Count, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var code in codes)
        {
            if (_campaigns.TryGetValue(code, out var id)) found[code] = id;
            else missing.Add(code);
        }
        if (missing.Count == 0) return found;
        var rows = await c.QueryAsync<(long CampaignId, string Code)>(
            db.IsSqlite ? SqliteSql : SqlServerSql, new { codes = JsonSerializer.Serialize(missing) }, tx);
        if (_campaigns.Count + missing.Count > MaxRemembered) _campaigns.Clear();
        foreach (var (campaignId, code) in rows) found[code] = _campaigns[code] = campaignId;
        return found;
    }

    // The wanted codes travel as one JSON array parameter, as the external ids do.
    private const string SqliteSql = "SELECT campaign_id, code FROM coupon_codes WHERE code IN (SELECT value FROM json_each(@codes))";
    private const string SqlServerSql = "SELECT campaign_id, code FROM coupon_codes WHERE code IN (SELECT value FROM OPENJSON(@codes))";
}
