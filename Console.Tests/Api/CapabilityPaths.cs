namespace Console.Tests.Api;

/// <summary>Look-ups of the partner, experiment, survey, recommendation and model capabilities, the public tracked-link redirect and the unsubscribe page.</summary>
public static class CapabilityPaths
{
    public static PathEndpoint[] All(Known known)
    {
        (string, Expect)[] Under(string prefix, string suffix = "") =>
            [.. PathCases.HostileSegments.Concat(["0", "-1", "987654"]).Select(id => (prefix + id + suffix, Expect.Refused))];
        (string, Expect)[] Query(string path, params string[] queries) => [.. queries.Select(q => (path + q, Expect.Refused))];
        return
        [
            new("GET /api/v1/kols/{id} and /payouts/{id}",
                [$"/api/v1/kols/{known.Kol}", $"/api/v1/kols/{known.Kol}/commissions", $"/api/v1/kols/{known.Kol}/fraud-signals"],
                [
                    .. Under("/api/v1/kols/"), .. Under("/api/v1/kols/", "/commissions"), .. Under("/api/v1/kols/", "/fraud-signals"),
                    .. Under("/api/v1/payouts/"), .. Under("/api/v1/payouts/", ".csv"),
                    .. Query($"/api/v1/kols/{known.Kol}/commissions", "?from=2026-13-01", "?from=%FF", "?to=not-a-day", "?status=bogus"),
                ], Manage: true),
            new("GET /api/v1/experiments/{key}", [$"/api/v1/experiments/{Known.Experiment}", $"/api/v1/experiments/{Known.Experiment}/results"],
                [.. Under("/api/v1/experiments/"), .. Under("/api/v1/experiments/", "/results")], Manage: true),
            new("GET /api/v1/experiments/{key}/assignment",
                [$"/api/v1/experiments/{Known.Experiment}/assignment?customer={Known.Customer}", $"/api/v1/assignments?customer={Known.Customer}"],
                [
                    .. Under("/api/v1/experiments/", $"/assignment?customer={Known.Customer}"),
                    .. Query($"/api/v1/experiments/{Known.Experiment}/assignment", "", "?customer=",
                        "?customer=" + new string('c', 5_000), "?customer=a%00b", "?customer=%EF%BF%BD", "?customerExternalId=fz-cust"),
                    .. Query("/api/v1/assignments", "", "?customer=", "?customer=" + new string('c', 5_000), "?customer=a%00b"),
                    // A percent sign that starts no UTF-8 sequence is kept as the text "%FF": a real, if odd, id.
                    ($"/api/v1/experiments/{Known.Experiment}/assignment?customer=%FF", Expect.Either),
                ], Manage: false) { Writes = true },
            // No recommender or propensity model is trained in this store: their look-ups must refuse cleanly (409), so the
            // valid case is the model list beside them.
            new("GET /api/v1/recommendations, /propensity and /models", ["/api/v1/models"],
                [
                    .. Under("/api/v1/recommendations/"), .. Under("/api/v1/propensity/"),
                    ($"/api/v1/recommendations/{Known.Customer}", Expect.Refused), ($"/api/v1/propensity/{Known.Customer}", Expect.Refused),
                    .. Query($"/api/v1/recommendations/{Known.Customer}", "?limit=3", "?limit=%FF"),
                ], Manage: false),
            new("GET /api/v1/surveys/{id}",
                // The survey itself is read with either key (platforms that collect answers show it); its results need manage.
                [$"/api/v1/surveys/{known.Survey}/results", $"/api/v1/surveys/{known.Survey}/responses.csv"],
                [
                    .. Under("/api/v1/surveys/"), .. Under("/api/v1/surveys/", "/results"), .. Under("/api/v1/surveys/", "/responses.csv"),
                    .. Query($"/api/v1/surveys/{known.Survey}/results", "?from=2026-13-01", "?from=%FF", "?to=not-a-day", "?by=bogus"),
                ], Manage: true),
            new("GET /api/v1/segments, /{id} and /{id}/preview", ["/api/v1/segments", "/api/v1/segments/fields", "/api/v1/segments?sort=size&direction=asc&skip=0&take=5"],
                [
                    .. Under("/api/v1/segments/"), .. Under("/api/v1/segments/", "/preview"),
                    .. Query("/api/v1/segments", "?sort=%FF", "?sort=1", "?sort=name;DROP", "?direction=up", "?take=0", "?take=201", "?take=abc",
                        "?skip=-1", "?skip=99999999999999999999"),
                ], Manage: true),
            new("GET /r/{code}", [$"/r/{known.Link}"], [.. Under("/r/"), ("/r/" + known.Link.ToLowerInvariant() + "x", Expect.Refused)], Manage: false)
            {
                Page = true,
            },
            // The unsubscribe page: showing it never writes, and a token that was not signed here, or was changed, is refused.
            new("GET /u/{token}", [known.Unsubscribe],
                [
                    .. Under("/u/"), (known.Unsubscribe + "x", Expect.Refused), (known.Unsubscribe[..^2], Expect.Refused),
                    (known.Unsubscribe.ToUpperInvariant(), Expect.Refused),
                ], Manage: false)
            {
                Page = true, PageAnswer = Expect.Ok,
            },
            new("GET /api/v1/reports/{id} and /reports/{id}.pdf", ["/api/v1/reports", "/api/v1/reports?skip=0&take=10", "/api/v1/report-schedules"],
                [.. Under("/api/v1/reports/"), .. Under("/api/v1/reports/", ".pdf"), .. Query("/api/v1/reports", "?take=many", "?skip=%FF")],
                Manage: true),
        ];
    }
}
