namespace Console.Tests.Api;

/// <summary>The KOL changes, contracts, tracked links and payouts, and the experiment change, as API.md describes their fields.</summary>
public static class PartnerCases
{
    private static readonly string[] Platforms = ["douyin", "wechat_channels", "bilibili", "xiaohongshu", "weibo", "own", "other"];
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static void Add(List<KeyValuePair<string, J>> m, string key, J value) => m.Add(KeyValuePair.Create(key, value));

    private static Special Set(string note, Verdict verdict, string field, string key, J? value) =>
        new(note, verdict, field, (m, _) => Mutation.Set(m, key, value));

    private static J Rate(string kind, decimal value) => J.Object(("kind", J.Text(kind)), ("value", J.Num(value)));

    private static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static ObjectEndpoint[] All(Known known) =>
    [
        new("PATCH /api/v1/kols/{id}", HttpMethod.Patch, _ => $"/api/v1/kols/{known.Kol}",
            [
                new("name", Kind.Text, MaxLength: 200), new("platform", Kind.Word, Allowed: Platforms), new("handle", Kind.Text, MaxLength: 200),
                new("status", Kind.Word, Allowed: ["active", "paused"]), new("customerExternalId", Kind.Id),
            ],
            ["commission", "$type"],
            [Set("an unknown customer account", Verdict.Refused, "customerExternalId", "customerExternalId", J.Text("no-such-customer"))],
            (rng, _) =>
            {
                // The KOL stays active: its tracked link is the redirect's valid case.
                List<KeyValuePair<string, J>> m = [new("name", J.Text(ValidValues.Text(rng, 200)))];
                if (rng.Next(2) == 0) Add(m, "platform", J.Text(ValidValues.Pick(rng, Platforms)));
                if (rng.Next(3) == 0) Add(m, "handle", J.Text(ValidValues.Text(rng, 200)));
                if (rng.Next(4) == 0) Add(m, "status", J.Text("active"));
                return m;
            }, Stored.Nothing, ReadOnly: false, [], Manage: true),

        new("POST /api/v1/kols/{id}/contracts", HttpMethod.Post, _ => $"/api/v1/kols/{known.Kol}/contracts",
            [
                new("startsAt", Kind.Time, Required: true), new("endsAt", Kind.Time), new("fixedFee", Kind.Money),
                new("attributionWindowDays", Kind.Whole, Min: 1, Max: 365, Int32: true), new("holdingDays", Kind.Whole, Min: 0, Max: 365, Int32: true),
                new("binding", Kind.Word, Allowed: ["last_touch", "first_touch"]),
            ],
            ["courseRate", "$type"],
            [
                Set("no rate", Verdict.Refused, "rate", "rate", null),
                Set("a rate of another kind", Verdict.Refused, "rate.kind", "rate", Rate("bogus", 5)),
                Set("a percent rate of 101", Verdict.Refused, "rate.value", "rate", Rate("percent", 101)),
                Set("a flat rate past the money bound", Verdict.Refused, "rate.value", "rate", J.Object(("kind", J.Text("flat")), ("value", J.Lit("1e28")))),
                Set("a rate as text", Verdict.Refused, "rate", "rate", J.Text("10%")),
                Set("a tier without its threshold", Verdict.Refused, "tiers[0].fromMonthlyNet", "tiers", J.Array(J.Object(("value", J.Num(12))))),
                Set("a threshold twice", Verdict.Refused, "tiers[1].fromMonthlyNet", "tiers",
                    J.Array(J.Object(("fromMonthlyNet", J.Num(100)), ("value", J.Num(12))), J.Object(("fromMonthlyNet", J.Num(100)), ("value", J.Num(15))))),
                Set("51 tiers", Verdict.Refused, "tiers", "tiers",
                    J.Array([.. Enumerable.Range(1, 51).Select(i => J.Object(("fromMonthlyNet", J.Num(i)), ("value", J.Num(1))))])),
                Set("a course rate without its course", Verdict.Refused, "courseRates[0].courseExternalId", "courseRates",
                    J.Array(J.Object(("kind", J.Text("percent")), ("value", J.Num(5))))),
                Set("a tier that is null", Verdict.Refused, "tiers", "tiers", J.Array(J.Null)),
            ],
            (rng, _) =>
            {
                // One minute somewhere in a century: drawn contracts never overlap one another.
                var starts = Epoch.AddMinutes(rng.Next(0, 50_000_000));
                List<KeyValuePair<string, J>> m =
                [
                    new("startsAt", J.Text(Iso(starts))), new("endsAt", J.Text(Iso(starts.AddMinutes(1)))),
                    new("rate", rng.Next(2) == 0 ? Rate("percent", rng.Next(0, 101)) : Rate("flat", ValidValues.Money(rng, 500m))),
                ];
                if (rng.Next(3) == 0) Add(m, "fixedFee", J.Num(ValidValues.Money(rng, 10_000m)));
                if (rng.Next(3) == 0) Add(m, "attributionWindowDays", J.Num(rng.Next(1, 366)));
                if (rng.Next(3) == 0) Add(m, "holdingDays", J.Num(rng.Next(0, 366)));
                if (rng.Next(3) == 0) Add(m, "binding", J.Text(ValidValues.Pick(rng, "last_touch", "first_touch")));
                if (rng.Next(4) == 0) Add(m, "tiers", J.Array(J.Object(("fromMonthlyNet", J.Num(1000)), ("value", J.Num(12)))));
                return m;
            }, Stored.Nothing, ReadOnly: false, ["startsAt", "rate"], Manage: true),

        new("POST /api/v1/kols/{id}/links", HttpMethod.Post, _ => $"/api/v1/kols/{known.Kol}/links",
            [new("destinationUrl", Kind.Text, Required: true, MaxLength: 2000), new("courseExternalId", Kind.Id), new("label", Kind.Text, MaxLength: 200)],
            ["code", "$type"],
            [
                Set("a host not allowed", Verdict.Refused, "destinationUrl", "destinationUrl", J.Text("https://evil.example.net/x")),
                Set("a javascript: address", Verdict.Refused, "destinationUrl", "destinationUrl", J.Text("javascript:alert(1)")),
                Set("a relative address", Verdict.Refused, "destinationUrl", "destinationUrl", J.Text("/courses/1")),
                Set("an unknown course", Verdict.Refused, "courseExternalId", "courseExternalId", J.Text("no-such-course")),
                Set("an unknown live session", Verdict.Refused, "liveSessionExternalId", "liveSessionExternalId", J.Text("no-such-session")),
            ],
            (rng, c) =>
            {
                List<KeyValuePair<string, J>> m = [new("destinationUrl", J.Text($"https://shop.example.com/c?case={c}&r={rng.Next(1000)}"))];
                if (rng.Next(2) == 0) Add(m, "label", J.Text(ValidValues.Text(rng, 200)));
                if (rng.Next(3) == 0) Add(m, "courseExternalId", J.Text(Known.Course));
                return m;
            }, Stored.Nothing, ReadOnly: false, ["destinationUrl"], Manage: true),

        new("POST /api/v1/payouts", HttpMethod.Post, _ => "/api/v1/payouts",
            [new("periodEnd", Kind.Text, Required: true, MaxLength: 40)], ["total", "$type"],
            [
                Set("30 February", Verdict.Refused, "periodEnd", "periodEnd", J.Text("2026-02-30")),
                Set("a word", Verdict.Refused, "periodEnd", "periodEnd", J.Text("yesterday")),
                Set("a time with an offset", Verdict.Valid, "periodEnd", "periodEnd", J.Text("2026-01-31T23:00:00+08:00")),
            ],
            // No line of the store is approved: a payout of nothing is still a payout (or a clear refusal), never an error.
            (rng, _) => [new("periodEnd", J.Text(ValidValues.Pick(rng, "2026-01-31", "2025-12-31", "2026-03-15")))],
            Stored.Nothing, ReadOnly: false, ["periodEnd"], Manage: true),

        new("PATCH /api/v1/experiments/{key}", HttpMethod.Patch, _ => $"/api/v1/experiments/{Known.Experiment}",
            [new("endsAt", Kind.Time), new("coverage", Kind.Number), new("status", Kind.Word, Allowed: ["draft", "running", "stopped"])],
            ["weights", "$type"],
            [
                Set("coverage 2", Verdict.Refused, "coverage", "coverage", J.Num(2)),
                Set("coverage -0.5", Verdict.Refused, "coverage", "coverage", J.Num(-0.5m)),
                Set("back to draft", Verdict.Refused, "status", "status", J.Text("draft")),
                Set("new weights while running", Verdict.Conflict, "variants", "variants",
                    J.Array(J.Object(("key", J.Text("control")), ("weight", J.Num(10))), J.Object(("key", J.Text("treatment")), ("weight", J.Num(90))))),
            ],
            // The experiment keeps running: its assignment is the look-up's valid case.
            (rng, _) => [new("endsAt", J.Text(Iso(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(rng.Next(0, 10_000)))))],
            Stored.Nothing, ReadOnly: false, [], Manage: true),
    ];
}
