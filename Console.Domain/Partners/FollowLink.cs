using System.Security.Cryptography;
using System.Text;

using Console.Domain.Data;

namespace Console.Domain.Partners;

/// <summary>
/// A click on /r/{code}: logs it (time, keyed hash of the address, user agent, referrer) and answers where to send the
/// visitor, with cc_click={clickId} added. An unknown or paused link, a paused KOL, or a destination whose host is no
/// longer allowed answers null: the caller shows a 404 page and never redirects.
/// </summary>
public sealed class FollowLink(StatementRunner runner, TimeProvider clock, PartnersOptions options)
{
    public const int MaxHeaderLength = 500;

    public sealed record Visit(string Code, string? Ip, string? UserAgent, string? Referrer);

    private sealed record LinkRow(long Id, long KolId, string DestinationUrl);

    public async Task<Uri?> ExecuteAsync(Visit visit, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(visit.Code) || visit.Code.Length > 50) return null;
        var code = visit.Code.Trim().ToUpperInvariant();
        LinkRow? link;
        await using (var read = await runner.ReadAsync(ct))
            link = await read.SingleOrDefaultAsync<LinkRow>(
                """
                SELECT l.id, l.kol_id AS KolId, l.destination_url AS DestinationUrl
                FROM kol_links l JOIN kols k ON k.id = l.kol_id
                WHERE l.code = @code AND l.status = 'active' AND k.status = 'active'
                """, ct, ("code", code));
        if (link is null || !Uri.TryCreate(link.DestinationUrl, UriKind.Absolute, out var destination) || !options.AllowsHost(destination.Host))
            return null;
        var clickId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var now = clock.GetUtcNow().UtcDateTime;
        await runner.WriteAsync(new WriteUnit<string>(async (run, token) =>
        {
            await run.ExecuteAsync(
                """
                INSERT INTO kol_clicks (click_id, link_id, kol_id, clicked_at, ip_hash, user_agent, referrer)
                VALUES (@clickId, @linkId, @kolId, @now, @ipHash, @userAgent, @referrer)
                """, token, ("clickId", clickId), ("linkId", link.Id), ("kolId", link.KolId), ("now", now), ("ipHash", HashIp(visit.Ip)),
                ("userAgent", Cut(visit.UserAgent)), ("referrer", Cut(visit.Referrer)));
            return clickId;
        }, _ => true, _ => null, UndoFree: true), ct);
        return WithClick(destination, clickId);
    }

    public static Uri WithClick(Uri destination, string clickId)
    {
        var builder = new UriBuilder(destination);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length == 0 ? "" : query + "&") + "cc_click=" + Uri.EscapeDataString(clickId);
        return builder.Uri;
    }

    public string? HashIp(string? ip) => string.IsNullOrEmpty(ip) ? null
        : Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.IpHashKey), Encoding.UTF8.GetBytes(ip)))[..32];

    private static string? Cut(string? text) => string.IsNullOrEmpty(text) ? null : text.Length > MaxHeaderLength ? text[..MaxHeaderLength] : text;
}
