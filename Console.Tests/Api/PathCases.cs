namespace Console.Tests.Api;

/// <summary>A look-up: valid paths that must answer 200 and hostile ones that must answer a 4xx.</summary>
public sealed record PathEndpoint(string Name, string[] Valid, (string Path, Expect Expect)[] Hostile, bool Manage, bool Health = false)
{
    /// <summary>A public page for browsers (a tracked link): no key, refusals as HTML pages, and a followed link records its click.</summary>
    public bool Page { get; init; }
    /// <summary>What a valid look-up of a page answers: a tracked link redirects (and records its click), other pages show themselves.</summary>
    public Expect PageAnswer { get; init; } = Expect.Redirect;
    /// <summary>A look-up that records something when it succeeds (an experiment's first exposure); its refusals still write nothing.</summary>
    public bool Writes { get; init; }
}

public static class PathCases
{
    /// <summary>Path segments, already percent-encoded as a client would send them.</summary>
    public static readonly string[] HostileSegments =
    [
        "no-such-thing", "..%2F..%2Fhealth%2Flive", "..%5C..%5Cwindows%5Cwin.ini", "%FF%FE", "%ED%A0%80", "%C0%AF", "%E4%B8%AD%E6%96%87",
        new string('x', 5_000), "%20", "null", "undefined", "9223372036854775808", "99999999999999999999999", "1e3", "0x10", "1.5", "%25",
        "%7B0%7D", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%20'1'%3D'1", "1%3BDROP%20TABLE%20orders", "%25s%25s%25n", "NaN", "-0",
    ];

    public static PathEndpoint[] All(Known known)
    {
        string[] ids = [.. HostileSegments, "0", "-1", "987654"];
        (string, Expect)[] Under(string prefix, string suffix = "") => [.. ids.Select(id => (prefix + id + suffix, Expect.Refused))];
        return
        [
            new("GET /api/v1/orders/{orderId}", [$"/api/v1/orders/{Known.SmallRefunds}", $"/api/v1/orders/{Known.RestRefunds}"],
                [.. Under("/api/v1/orders/"), .. HostileValues.Injection.Take(12).Select(t => ("/api/v1/orders/" + Uri.EscapeDataString(t), Expect.Refused))],
                Manage: false),
            new("GET /api/v1/coupon-campaigns/{id}", [$"/api/v1/coupon-campaigns/{known.CouponCampaign}", $"/api/v1/coupon-campaigns/{known.PatchCampaign}"],
                Under("/api/v1/coupon-campaigns/"), Manage: true),
            new("GET /api/v1/group-buy-campaigns/{id}", [$"/api/v1/group-buy-campaigns/{known.GroupBuyCampaign}"],
                Under("/api/v1/group-buy-campaigns/"), Manage: true),
            new("GET /api/v1/group-buys/{campaignId}/teams",
                [.. new[] { "", "?state=open", "?state=succeeded", "?state=failed" }.Select(q => $"/api/v1/group-buys/{known.GroupBuyCampaign}/teams{q}")],
                [
                    .. new[] { "bogus", "'%20OR%201%3D1--", "%FF", "open%00", "%3Cb%3Eopen%3C%2Fb%3E", new string('o', 3_000) }
                        .Select(s => ($"/api/v1/group-buys/{known.GroupBuyCampaign}/teams?state={s}", Expect.Refused)),
                    .. new[] { "state=open&state=failed", "state=", "state=OPEN", "x=%00", "state=open&extra=%FF" }
                        .Select(q => ($"/api/v1/group-buys/{known.GroupBuyCampaign}/teams?{q}", Expect.Either)),
                    .. HostileSegments.Where(s => !long.TryParse(s, out _)).Select(s => ($"/api/v1/group-buys/{s}/teams", Expect.Refused)),
                    .. new[] { "0", "-1", "987654" }.Select(s => ($"/api/v1/group-buys/{s}/teams", Expect.Either)),
                ], Manage: false),
            new("GET /api/v1/group-buys/teams/{teamId}", [$"/api/v1/group-buys/teams/{known.Team}"], Under("/api/v1/group-buys/teams/"), Manage: false),
            new("GET /health/live and /health/ready",
                ["/health/live", "/health/ready", "/health/live?x='%20OR%201%3D1", "/health/ready?%FF=%00", "/health/ready?" + new string('q', 4_000)],
                [], Manage: false, Health: true),
        ];
    }

    /// <summary>Methods an API path does not take: a 405 (or 404), as a problem document like every other refusal.</summary>
    public static readonly (string Method, string Path)[] WrongMethods =
    [
        ("DELETE", "/api/v1/orders/" + Known.SmallRefunds), ("PUT", "/api/v1/customers"), ("GET", "/api/v1/customers"), ("DELETE", "/api/v1/events"),
        ("PATCH", "/api/v1/orders"), ("PUT", "/api/v1/orders/quote"), ("GET", "/api/v1/coupons/validate"), ("DELETE", "/api/v1/coupon-campaigns/1"),
        ("PUT", "/api/v1/group-buy-campaigns/1"), ("POST", "/api/v1/group-buys/teams/1"), ("GET", "/api/v1/orders/x/refund"),
        ("PUT", "/api/v1/live-sessions"), ("DELETE", "/api/v1/courses"), ("GET", "/api/v1/group-buy-campaigns"), ("TRACE", "/api/v1/orders"),
    ];
}
