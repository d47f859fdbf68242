namespace Console.Tests.Api;

/// <summary>The body endpoints of the partner, experiment, statistics and text capabilities, as API.md describes their fields.</summary>
public static class CapabilityCases
{
    private static void Add(List<KeyValuePair<string, J>> m, string key, J value) => m.Add(KeyValuePair.Create(key, value));

    private static J Arm(Random rng, bool mean = false)
    {
        var n = rng.Next(1, 100_000);
        return mean
            ? J.Object(("n", J.Num(n)), ("mean", J.Num(rng.Next(1, 500))), ("sd", J.Num(rng.Next(1, 50))))
            : J.Object(("n", J.Num(n)), ("conversions", J.Num(rng.Next(0, n + 1))));
    }

    private static Special Set(string note, Verdict verdict, string field, J? value) =>
        new(note, verdict, field, (m, _) => Mutation.Set(m, field, value));

    public static ObjectEndpoint[] All(Known known) =>
    [
        new("POST /api/v1/stats/proportions", HttpMethod.Post, _ => "/api/v1/stats/proportions",
            [new("alpha", Kind.Number)], ["variants", "arms", "$type"],
            [
                Set("control with more conversions than users", Verdict.Refused, "control", J.Object(("n", J.Num(10)), ("conversions", J.Num(11)))),
                Set("control with a negative n", Verdict.Refused, "control", J.Object(("n", J.Num(-1)), ("conversions", J.Num(0)))),
                Set("control with n past long", Verdict.Refused, "control", J.Object(("n", J.Lit("9223372036854775808")), ("conversions", J.Num(0)))),
                Set("control with the largest n", Verdict.Lenient, "control",
                    J.Object(("n", J.Lit("9223372036854775807")), ("conversions", J.Lit("9223372036854775807")))),
                Set("treatment as text", Verdict.Refused, "treatment", J.Text("half")),
                Set("treatment without n", Verdict.Refused, "treatment", J.Object(("conversions", J.Num(3)))),
                Set("alpha 0", Verdict.Refused, "alpha", J.Num(0)),
                Set("alpha 1", Verdict.Refused, "alpha", J.Num(1)),
            ],
            (rng, _) =>
            {
                List<KeyValuePair<string, J>> m = [new("control", Arm(rng)), new("treatment", Arm(rng))];
                if (rng.Next(2) == 0) Add(m, "alpha", J.Num(ValidValues.Pick(rng, 0.05m, 0.01m, 0.1m)));
                return m;
            }, Stored.Nothing, ReadOnly: true, []),

        new("POST /api/v1/stats/means", HttpMethod.Post, _ => "/api/v1/stats/means",
            [new("alpha", Kind.Number)], ["arms", "$type"],
            [
                Set("control with sd -1", Verdict.Refused, "control", J.Object(("n", J.Num(10)), ("mean", J.Num(5)), ("sd", J.Num(-1)))),
                Set("control with mean 1e308 and the largest n", Verdict.Lenient, "control",
                    J.Object(("n", J.Lit("9223372036854775807")), ("mean", J.Lit("1e308")), ("sd", J.Lit("1e308")))),
                Set("control with sums past double", Verdict.Refused, "control",
                    J.Object(("n", J.Num(3)), ("sum", J.Lit("1e400")), ("sumSquares", J.Lit("1e400")))),
                Set("control with sums and a mean both", Verdict.Lenient, "control",
                    J.Object(("n", J.Num(3)), ("mean", J.Num(1)), ("sd", J.Num(1)), ("sum", J.Num(3)), ("sumSquares", J.Num(3)))),
                Set("treatment with n 1", Verdict.Lenient, "treatment", J.Object(("n", J.Num(1)), ("mean", J.Num(5)), ("sd", J.Num(0)))),
            ],
            (rng, _) =>
            {
                List<KeyValuePair<string, J>> m = [new("control", Arm(rng, mean: true)), new("treatment", Arm(rng, mean: true))];
                if (rng.Next(2) == 0) Add(m, "alpha", J.Num(0.05m));
                return m;
            }, Stored.Nothing, ReadOnly: true, []),

        new("POST /api/v1/stats/srm", HttpMethod.Post, _ => "/api/v1/stats/srm",
            [new("observed", Kind.Numbers, Required: true), new("weights", Kind.Numbers, Required: true)], ["expected", "$type"],
            [
                Set("observed with a negative count", Verdict.Refused, "observed", J.Array(J.Num(-1), J.Num(10))),
                Set("observed with one arm", Verdict.Refused, "observed", J.Array(J.Num(10))),
                Set("observed past long", Verdict.Refused, "observed", J.Array(J.Lit("9223372036854775808"), J.Num(1))),
                Set("observed at long.MaxValue twice", Verdict.Lenient, "observed", J.Array(J.Lit("9223372036854775807"), J.Lit("9223372036854775807"))),
                Set("observed as text", Verdict.Refused, "observed", J.Texts("1", "2")),
                Set("observed null", Verdict.Refused, "observed", J.Null),
                Set("observed left out", Verdict.Refused, "observed", null),
                Set("observed as an object", Verdict.Refused, "observed", J.EmptyObject),
                Set("observed with a fraction", Verdict.Refused, "observed", J.Array(J.Lit("1.5"), J.Num(2))),
                Set("observed empty", Verdict.Refused, "observed", J.EmptyArray),
                Set("weights left out", Verdict.Refused, "weights", null),
                Set("weights as text", Verdict.Refused, "weights", J.Texts("0.5", "0.5")),
                Set("weights NaN", Verdict.Refused, "weights", J.Array(J.Text("NaN"), J.Num(1))),
                Set("weights that do not match", Verdict.Refused, "weights", J.Array(J.Num(50), J.Num(25), J.Num(25))),
                Set("negative weights", Verdict.Refused, "weights", J.Array(J.Num(-1), J.Num(2))),
                Set("weights past double", Verdict.Refused, "weights", J.Array(J.Lit("1e400"), J.Num(1))),
                Set("zero weights", Verdict.Refused, "weights", J.Array(J.Num(0), J.Num(0))),
                Set("10,000 arms", Verdict.Lenient, "observed", J.Array([.. Enumerable.Repeat(J.Num(5), 10_000)])),
            ],
            (rng, _) => [new("observed", J.Array(J.Num(rng.Next(1, 10_000)), J.Num(rng.Next(1, 10_000)))), new("weights", rng.Next(2) == 0 ? J.Array(J.Num(0.5m), J.Num(0.5m)) : J.Array(J.Num(50), J.Num(50)))],
            Stored.Nothing, ReadOnly: true, ["observed", "weights"]),

        new("POST /api/v1/stats/sample-size", HttpMethod.Post, _ => "/api/v1/stats/sample-size",
            [
                new("baseline", Kind.Number, Required: true), new("mde", Kind.Number, Required: true),
                new("mdeKind", Kind.Word, Allowed: ["absolute", "relative"]), new("alpha", Kind.Number), new("power", Kind.Number),
                new("variants", Kind.Whole, Min: 2, Max: 20, Int32: true), new("trafficPerDay", Kind.Whole, Min: 1),
            ],
            ["sampleSize", "$type"],
            [
                Set("baseline 1", Verdict.Refused, "baseline", J.Num(1)),
                Set("an mde of 1e-300", Verdict.Refused, "mde", J.Lit("1e-300")),
                Set("an mde of 0", Verdict.Refused, "mde", J.Num(0)),
                Set("power 1", Verdict.Refused, "power", J.Num(1)),
            ],
            (rng, _) =>
            {
                List<KeyValuePair<string, J>> m = [new("baseline", J.Num(ValidValues.Pick(rng, 0.1m, 0.05m, 0.3m))), new("mde", J.Num(ValidValues.Pick(rng, 0.1m, 0.2m)))];
                if (rng.Next(2) == 0) Add(m, "mdeKind", J.Text("relative"));
                if (rng.Next(2) == 0) Add(m, "trafficPerDay", J.Num(rng.Next(1, 1_000_000)));
                if (rng.Next(3) == 0) Add(m, "variants", J.Num(rng.Next(2, 5)));
                return m;
            }, Stored.Nothing, ReadOnly: true, ["baseline", "mde"]),

        new("POST /api/v1/kols", HttpMethod.Post, _ => "/api/v1/kols",
            [
                new("externalId", Kind.Id, Required: true), new("name", Kind.Text, Required: true, MaxLength: 200),
                new("platform", Kind.Word, Allowed: ["douyin", "wechat_channels", "bilibili", "xiaohongshu", "weibo", "own", "other"]),
                new("handle", Kind.Text, MaxLength: 200), new("customerExternalId", Kind.Id),
            ],
            ["id", "balance", "commission", "$type"], [],
            (rng, c) =>
            {
                List<KeyValuePair<string, J>> m = [new("externalId", J.Text(ValidValues.Id(rng, $"fzk{c}x{rng.Next(1000)}"))), new("name", J.Text(ValidValues.Text(rng, 200)))];
                if (rng.Next(2) == 0) Add(m, "platform", J.Text(ValidValues.Pick(rng, "douyin", "bilibili", "other")));
                if (rng.Next(3) == 0) Add(m, "handle", J.Text(ValidValues.Text(rng, 200)));
                return m;
            }, Stored.Nothing, ReadOnly: false, ["externalId", "name"], Manage: true),

        new("POST /api/v1/kols/{id}/codes", HttpMethod.Post, _ => $"/api/v1/kols/{known.Kol}/codes",
            [new("code", Kind.Code, TakenIsConflict: true)], ["kolId", "$type"],
            [Set("a code a coupon already uses", Verdict.Conflict, "code", J.Text(Known.Code)), Set("a code the KOL already has", Verdict.Conflict, "code", J.Text("FZKOLCODE"))],
            // No body and "{}" (a generated code) are the opening's cases; the drawn valid bodies name a code.
            (rng, c) => [new("code", J.Text($"FZK{c}Q{rng.Next(100_000)}"))],
            Stored.Nothing, ReadOnly: false, [], Manage: true, OptionalBody: true),

        new("POST /api/v1/experiments", HttpMethod.Post, _ => "/api/v1/experiments",
            [
                new("key", Kind.Id, Required: true), new("name", Kind.Text, Required: true, MaxLength: 200),
                new("hypothesis", Kind.Text, MaxLength: 2000), new("coverage", Kind.Number), new("startsAt", Kind.Time), new("endsAt", Kind.Time),
            ],
            ["id", "results", "$type"],
            [
                Set("one variant", Verdict.Refused, "variants", J.Array(J.Object(("key", J.Text("control")), ("weight", J.Num(100))))),
                Set("weights that do not add to 100", Verdict.Refused, "variants",
                    J.Array(J.Object(("key", J.Text("a")), ("weight", J.Num(60))), J.Object(("key", J.Text("b")), ("weight", J.Num(60))))),
                Set("a weight past int", Verdict.Refused, "variants",
                    J.Array(J.Object(("key", J.Text("a")), ("weight", J.Lit("2147483648"))), J.Object(("key", J.Text("b")), ("weight", J.Lit("-2147483548"))))),
                Set("a variant that is null", Verdict.Refused, "variants", J.Array(J.Null, J.Object(("key", J.Text("b")), ("weight", J.Num(100))))),
                Set("an unknown coupon campaign", Verdict.Refused, "variants",
                    J.Array(J.Object(("key", J.Text("a")), ("weight", J.Num(50)), ("couponCampaignId", J.Num(987_654))), J.Object(("key", J.Text("b")), ("weight", J.Num(50))))),
                Set("a metric of another kind", Verdict.Refused, "metric", J.Object(("kind", J.Text("bogus")))),
                Set("a metric as text", Verdict.Refused, "metric", J.Text("conversion")),
                Set("coverage 2", Verdict.Refused, "coverage", J.Num(2)),
            ],
            (rng, c) =>
            [
                new("key", J.Text($"fzx{c}y{rng.Next(100_000)}")), new("name", J.Text(ValidValues.Text(rng, 200))),
                new("variants", J.Array(J.Object(("key", J.Text("control")), ("weight", J.Num(50))), J.Object(("key", J.Text("treatment")), ("weight", J.Num(50))))),
                new("metric", J.Object(("kind", J.Text("conversion")))),
            ], Stored.Nothing, ReadOnly: false, ["key", "name"], Manage: true),

        new("POST /api/v1/text/keywords", HttpMethod.Post, _ => "/api/v1/text/keywords",
            // Texts are free text: an empty one or one of 101 characters is valid, so the id-list values do not apply.
            [new("top", Kind.Whole, Min: 1, Max: 200, Int32: true)], ["text", "$type"],
            [
                Set("5,001 texts", Verdict.Refused, "texts", J.Texts([.. Enumerable.Repeat("直播 课程 很好", 5_001)])),
                Set("a text of 10,001 characters", Verdict.Refused, "texts", J.Texts("ok", new string('字', 10_001))),
                Set("null among the texts", Verdict.Refused, "texts", J.Array(J.Text("ok"), J.Null)),
                Set("a number among the texts", Verdict.Refused, "texts", J.Array(J.Text("ok"), J.Num(5))),
                Set("texts as one text", Verdict.Refused, "texts", J.Text("直播 课程")),
                Set("no texts", Verdict.Refused, "texts", J.EmptyArray),
                Set("texts left out", Verdict.Refused, "texts", null),
                Set("an empty text", Verdict.Valid, "texts", J.Texts("", "好")),
            ],
            (rng, _) =>
            {
                List<KeyValuePair<string, J>> m = [new("texts", J.Texts(ValidValues.Text(rng), "老师讲得很好，课程很实用", ValidValues.Text(rng)))];
                if (rng.Next(2) == 0) Add(m, "top", J.Num(rng.Next(1, 20)));
                return m;
            }, Stored.Nothing, ReadOnly: true, ["texts"]),

        new("POST /api/v1/segments", HttpMethod.Post, _ => "/api/v1/segments",
            [new("name", Kind.Text, Required: true, MaxLength: 200)], ["rules", "$type", "size"],
            SegmentRuleSpecials("rule"),
            (rng, _) => [new("name", J.Text(ValidValues.Text(rng, 200))), new("rule", SegmentRule(rng))],
            Stored.Nothing, ReadOnly: false, ["name", "rule"], Manage: true),

        new("POST /api/v1/segments/preview", HttpMethod.Post, _ => "/api/v1/segments/preview",
            [new("n", Kind.Whole, Min: 0, Max: 100, Int32: true)], ["name", "sample", "$type"],
            SegmentRuleSpecials("rule"),
            (rng, _) =>
            {
                List<KeyValuePair<string, J>> m = [new("rule", SegmentRule(rng))];
                if (rng.Next(2) == 0) Add(m, "n", J.Num(rng.Next(0, 101)));
                return m;
            }, Stored.Nothing, ReadOnly: true, ["rule"], Manage: true),

        new("POST /api/v1/reports", HttpMethod.Post, _ => "/api/v1/reports",
            [
                new("kind", Kind.Word, Required: true, Allowed: ["sales"]), new("from", Kind.Text, Required: true, MaxLength: 10),
                new("to", Kind.Text, Required: true, MaxLength: 10), new("language", Kind.Word, Allowed: ["en", "zh-Hans"]),
            ],
            ["period", "format", "$type"],
            [
                Set("to before from", Verdict.Refused, "to", J.Text("2026-10-01")),
                Set("a period of 800 days", Verdict.Refused, "from", J.Text("2024-09-01")),
                Set("a day in the future", Verdict.Refused, "to", J.Text("2099-01-01")),
                Set("a day that does not exist", Verdict.Refused, "from", J.Text("2026-02-30")),
                Set("a time where a day belongs", Verdict.Refused, "from", J.Text("2026-11-01T00:00:00+08:00")),
            ],
            (rng, _) =>
            {
                List<KeyValuePair<string, J>> m = [new("kind", J.Text("sales")), new("from", J.Text("2026-11-01")), new("to", J.Text("2026-11-30"))];
                if (rng.Next(2) == 0) Add(m, "language", J.Text(ValidValues.Pick(rng, "en", "zh-Hans")));
                return m;
            }, Stored.Nothing, ReadOnly: false, ["kind", "from", "to"], Manage: true),

        new("POST /api/v1/report-schedules", HttpMethod.Post, _ => "/api/v1/report-schedules",
            [
                new("kind", Kind.Word, Required: true, Allowed: ["sales"]), new("cadence", Kind.Word, Required: true, Allowed: ["weekly", "monthly"]),
                new("dayOfWeek", Kind.Whole, Min: 1, Max: 7, Int32: true), new("dayOfMonth", Kind.Whole, Min: 1, Max: 28, Int32: true),
                new("hour", Kind.Whole, Min: 0, Max: 23, Int32: true), new("language", Kind.Word, Allowed: ["en", "zh-Hans"]),
                new("recipients", Kind.List, Required: true),
            ],
            ["recipient", "emails", "$type"],
            [
                Set("no recipients", Verdict.Refused, "recipients", J.EmptyArray),
                Set("21 recipients", Verdict.Refused, "recipients", J.Texts([.. Enumerable.Range(0, 21).Select(i => $"m{i}@example.com")])),
                Set("a recipient that is no address", Verdict.Refused, "recipients", J.Texts("boss@example.com", "Li Lei <li@example.com>")),
                Set("recipients as one text", Verdict.Refused, "recipients", J.Text("boss@example.com")),
            ],
            (rng, c) =>
            {
                List<KeyValuePair<string, J>> m = [new("kind", J.Text("sales")), new("cadence", J.Text(ValidValues.Pick(rng, "weekly", "monthly"))),
                    new("recipients", J.Texts($"fz{c}@example.com"))];
                if (rng.Next(2) == 0) Add(m, "hour", J.Num(rng.Next(0, 24)));
                if (rng.Next(2) == 0) Add(m, "dayOfWeek", J.Num(rng.Next(1, 8)));
                if (rng.Next(2) == 0) Add(m, "dayOfMonth", J.Num(rng.Next(1, 29)));
                if (rng.Next(2) == 0) Add(m, "language", J.Text(ValidValues.Pick(rng, "en", "zh-Hans")));
                return m;
            }, Stored.Nothing, ReadOnly: false, ["kind", "cadence", "recipients"], Manage: true),
    ];

    private static J Group(string join, params J[] items) => J.Object((join, J.Array(items)));

    private static J Condition(string field, string op, J? value) =>
        value is null ? J.Object(("field", J.Text(field)), ("op", J.Text(op))) : J.Object(("field", J.Text(field)), ("op", J.Text(op)), ("value", value));

    /// <summary>A valid rule: hostile text stays a value, nested groups, every kind of value.</summary>
    private static J SegmentRule(Random rng) => J.Object((rng.Next(2) == 0 ? "all" : "any", J.Array(
        Condition("city", "in", J.Texts(ValidValues.Text(rng), ValidValues.Text(rng))),
        Condition("watch_minutes_30d", ValidValues.Pick(rng, "gte", "lt", "eq"), J.Num(rng.Next(0, 43_200))),
        J.Object(("any", J.Array(
            Condition("net_spent", "gte", J.Num(ValidValues.Money(rng, 100_000_000m))),
            Condition("email_opt_in", "is", rng.Next(2) == 0 ? J.True : J.False),
            Condition("nps_category", "not_in", J.Texts("detractor")),
            Condition("purchased_course", ValidValues.Pick(rng, "any", "none"), null),
            Condition("source", "ne", J.Text(ValidValues.Text(rng)))))))));

    private static Special[] SegmentRuleSpecials(string field) =>
    [
        Set("a rule left out", Verdict.Refused, field, null),
        Set("a rule as text", Verdict.Refused, field, J.Text("city = 'x'")),
        Set("a rule as an array", Verdict.Refused, field, J.EmptyArray),
        Set("an empty group", Verdict.Refused, field, J.Object(("all", J.EmptyArray))),
        Set("an unknown field", Verdict.Refused, field, J.Object(("all", J.Array(Condition("shoe_size", "eq", J.Num(1)))))),
        Set("an operator the field does not have", Verdict.Refused, field, J.Object(("all", J.Array(Condition("city", "gte", J.Text("x")))))),
        Set("an injected operator", Verdict.Refused, field, J.Object(("all", J.Array(Condition("orders", ">= 0 OR 1=1 --", J.Num(1)))))),
        Set("an injected field", Verdict.Refused, field, J.Object(("all", J.Array(Condition("city = city; DROP TABLE customers; --", "eq", J.Text("x")))))),
        Set("a count past long", Verdict.Refused, field, J.Object(("all", J.Array(Condition("orders", "gte", J.Lit("1e400")))))),
        Set("money with three decimals", Verdict.Refused, field, J.Object(("all", J.Array(Condition("net_spent", "gte", J.Lit("1.001")))))),
        Set("a number as text", Verdict.Refused, field, J.Object(("all", J.Array(Condition("orders", "gte", J.Text("1")))))),
        Set("a value for any", Verdict.Refused, field, J.Object(("all", J.Array(Condition("purchased_course", "any", J.Texts("x")))))),
        Set("an unknown course", Verdict.Refused, field, J.Object(("all", J.Array(Condition("purchased_course", "in", J.Texts("no-such-course")))))),
        Set("an extra member in a condition", Verdict.Refused, field,
            J.Object(("all", J.Array(J.Object(("field", J.Text("orders")), ("op", J.Text("eq")), ("value", J.Num(1)), ("sql", J.Text("1=1"))))))),
        Set("groups six deep", Verdict.Refused, field,
            Group("all", Group("all", Group("all", Group("all", Group("all", Group("all", Condition("orders", "eq", J.Num(1))))))))),
        Set("51 conditions", Verdict.Refused, field, J.Object(("any", J.Array([.. Enumerable.Repeat(Condition("orders", "eq", J.Num(1)), 51)])))),
        Set("a list of 101 cities", Verdict.Refused, field,
            J.Object(("all", J.Array(Condition("city", "in", J.Texts([.. Enumerable.Range(0, 101).Select(i => "c" + i)])))))),
        Set("a city with a NUL", Verdict.Refused, field, J.Object(("all", J.Array(Condition("city", "eq", J.Text("a\u0000b")))))),
        Set("an injected city", Verdict.Valid, field, J.Object(("all", J.Array(Condition("city", "eq", J.Text("'; DROP TABLE customers; --")))))),
        Set("fifty conditions five deep", Verdict.Valid, field,
            Group("all", Group("any", Group("all", Group("any", [.. Enumerable.Repeat(Condition("live_interactions_30d", "gt", J.Num(3)), 50)]))))),
    ];
}
