namespace Console.Tests.Api;

/// <summary>
/// The seeded corpus: the same seed and store give the same requests, byte for byte. Each endpoint draws from its own
/// generator (seeded by the seed and the endpoint's name), so one endpoint's cases do not move when another's change.
/// </summary>
public static class HostileCorpus
{
    public const int DefaultSeed = 20_251_205;

    /// <summary>HOSTILE_SEED picks another corpus, e.g. to look for new failures; a failure message names its seed.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("HOSTILE_SEED"), out var seed) ? seed : DefaultSeed;

    private static readonly (string Name, int Cases)[] Plan =
    [
        ("POST /api/v1/customers", 240), ("POST /api/v1/courses", 240), ("POST /api/v1/live-sessions", 200), ("POST /api/v1/events", 240),
        ("POST /api/v1/orders", 240), ("POST /api/v1/orders/quote", 140), ("POST /api/v1/orders/{orderId}/refund", 150),
        ("POST /api/v1/coupons/validate", 120), ("POST /api/v1/coupon-campaigns", 200), ("PATCH /api/v1/coupon-campaigns/{id}", 150),
        ("POST /api/v1/group-buy-campaigns", 170), ("GET /api/v1/orders/{orderId}", 60), ("GET /api/v1/coupon-campaigns/{id}", 40),
        ("GET /api/v1/group-buy-campaigns/{id}", 40), ("GET /api/v1/group-buys/{campaignId}/teams", 50),
        ("GET /api/v1/group-buys/teams/{teamId}", 30), ("GET /health/live and /health/ready", 30), ("Methods an endpoint does not take", 30),
        ("POST /api/v1/stats/proportions", 60), ("POST /api/v1/stats/means", 50), ("POST /api/v1/stats/srm", 50),
        ("POST /api/v1/stats/sample-size", 60), ("POST /api/v1/kols", 60), ("POST /api/v1/kols/{id}/codes", 40),
        ("POST /api/v1/experiments", 60), ("POST /api/v1/text/keywords", 40), ("GET /api/v1/kols/{id} and /payouts/{id}", 60),
        ("GET /api/v1/experiments/{key}", 40), ("GET /api/v1/experiments/{key}/assignment", 40),
        ("GET /api/v1/recommendations, /propensity and /models", 50), ("GET /r/{code}", 40),
        ("PATCH /api/v1/kols/{id}", 50), ("POST /api/v1/kols/{id}/contracts", 80), ("POST /api/v1/kols/{id}/links", 50),
        ("POST /api/v1/payouts", 30), ("PATCH /api/v1/experiments/{key}", 40), ("POST /api/v1/surveys", 70),
        ("POST /api/v1/surveys/{id}/responses", 80), ("GET /api/v1/surveys/{id}", 50),
        ("GET /u/{token}", 40),
    ];

    public static IEnumerable<string> Endpoints => Plan.Select(p => p.Name);

    public static List<HostileRequest> For(string endpoint, int seed, Known known)
    {
        var cases = Plan.Single(p => p.Name == endpoint).Cases;
        var rng = new Random(seed ^ StableHash(endpoint));
        if (BatchCases.All.FirstOrDefault(b => b.Name == endpoint) is { } batch)
            return [.. Enumerable.Range(0, cases).Select(c => BatchRequests.Next(batch, rng, c))];
        if (Objects(known).FirstOrDefault(o => o.Name == endpoint) is { } body)
            return [.. Enumerable.Range(0, cases).Select(c => ObjectRequests.Next(body, rng, c))];
        if (PathCases.All(known).Concat(CapabilityPaths.All(known)).FirstOrDefault(p => p.Name == endpoint) is { } path)
            return [.. Enumerable.Range(0, cases).Select(c => PathRequests.Next(path, rng, c))];
        return [.. Enumerable.Range(0, cases).Select(c => PathRequests.WrongMethod(endpoint, rng, c))];
    }

    /// <summary>Every endpoint that takes one object, one line per capability.</summary>
    private static IEnumerable<ObjectEndpoint> Objects(Known known) =>
    [
        .. ObjectCases.All(known),
        .. CapabilityCases.All(known),
        .. PartnerCases.All(known),
        .. SurveyCases.All(known),
    ];

    /// <summary>FNV-1a: string.GetHashCode differs between runs, which would break replaying a seed.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
