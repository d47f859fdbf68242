using System.Net;
using Console.Domain.Partners;

namespace Console.Web.Api;

/// <summary>
/// GET /r/{code}: the public end of a tracked link. It needs no key and no sign-in. A known, active link logs the click
/// and answers 302 to its destination with cc_click added; anything else answers a small 404 page, never a redirect.
/// </summary>
internal static class TrackedLinksApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/r/{code}", FollowAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> FollowAsync(string code, HttpContext context, FollowLink follow, CancellationToken ct)
    {
        var request = context.Request;
        var target = await follow.ExecuteAsync(new FollowLink.Visit(code, context.Connection.RemoteIpAddress?.ToString(),
            request.Headers.UserAgent.ToString(), request.Headers.Referer.ToString()), ct);
        if (target is not null) return TypedResults.Redirect(target.AbsoluteUri);
        // The code is echoed encoded, so a crafted one cannot inject markup.
        return TypedResults.Content($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Link not found</title></head><body style="font-family:sans-serif;margin:2rem">
            <h1>Link not found · 链接不存在</h1><p>The link {WebUtility.HtmlEncode(code)} does not exist or is no longer active.</p>
            <p>该推广链接不存在或已停用。</p></body></html>
            """, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }
}
