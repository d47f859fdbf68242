namespace Console.Tests.Api;

/// <summary>Which target a request of an endpoint with an id in its path goes to (refunds must not eat each other's money).</summary>
public enum Purpose { Valid, Mutated, Whole }

/// <summary>An endpoint that takes one JSON object: its fields, a valid body, and what "{}" must answer.</summary>
public sealed record ObjectEndpoint(string Name, HttpMethod Method, Func<Purpose, string> Path, Field[] Fields, string[] Unknown,
    Special[] Specials, Func<Random, int, List<KeyValuePair<string, J>>> Valid, Stored Stored, bool ReadOnly, string[] RequiredOnEmpty,
    bool HasId = false, bool Manage = false, bool OptionalBody = false);

public static class ObjectCases
{
    private static readonly string[] Kinds = ["percent_off", "amount_off", "fixed_price"];
    private static readonly string[] Audiences = ["everyone", "new_customers", "live_claimers"];
    private static readonly string[] Statuses = ["draft", "active", "paused", "ended"];

    private static Special Set(string note, Verdict verdict, string field, params (string Key, J? Value)[] values) =>
        new(note, verdict, field, (m, _) => { foreach (var (key, value) in values) Mutation.Set(m, key, value); });

    private static void Add(List<KeyValuePair<string, J>> m, string key, J value) => m.Add(KeyValuePair.Create(key, value));

    private static void Window(List<KeyValuePair<string, J>> m, Random rng)
    {
        Add(m, "startsAt", J.Text(ValidValues.Time(rng)));
        Add(m, "endsAt", J.Text(ValidValues.Time(rng, dayOffset: 400)));
    }

    private static Field[] CampaignFields(bool create) =>
    [
        new("name", Kind.Text, Required: create, MaxLength: 200), new("kind", Kind.Word, Required: create, Allowed: Kinds),
        new("value", Kind.Money, Required: create), new("minSpend", Kind.Money), new("maxDiscount", Kind.Money), new("budget", Kind.Money),
        new("courseExternalIds", Kind.List), new("categories", Kind.List), new("audience", Kind.Word, Allowed: [.. Audiences, "list"]),
        new("audienceCustomerExternalIds", Kind.List), new("startsAt", Kind.Time), new("endsAt", Kind.Time),
        new("totalLimit", Kind.Whole), new("perCustomerLimit", Kind.Whole, Min: 1), new("priority", Kind.Whole, Min: -1_000_000, Max: 1_000_000),
        new("stackable", Kind.Bool), new("returnUseOnRefund", Kind.Bool), new("status", Kind.Word, Allowed: Statuses),
        new("liveSessionExternalId", Kind.Id), new("claimMinutes", Kind.Whole, Min: 1, Max: 7 * 24 * 60),
        .. create ? new Field[] { new("code", Kind.Code), new("generateCodes", Kind.Whole, Min: 1, Max: 10_000, Int32: true) } : [],
    ];

    private static readonly string[] CampaignUnknown = ["couponCodes", "codes", "uses", "discountGiven", "id", "budgetUsed", "teamSize", "$type"];

    private static Special[] CampaignSpecials(bool create) =>
    [
        Set("courses and categories both", Verdict.Refused, "courseExternalIds", ("courseExternalIds", J.Texts(Known.Course)), ("categories", J.Texts("art"))),
        Set("an unknown course", Verdict.Refused, "courseExternalIds", ("courseExternalIds", J.Texts("no-such-course")), ("categories", null)),
        Set("ends before it starts", Verdict.Refused, "endsAt", ("startsAt", J.Text("2025-05-01T00:00:00Z")), ("endsAt", J.Text("2025-04-01T00:00:00Z"))),
        Set("audience list without customers", Verdict.Refused, "audienceCustomerExternalIds", ("audience", J.Text("list")), ("audienceCustomerExternalIds", null)),
        Set("an unknown live session", Verdict.Refused, "liveSessionExternalId", ("liveSessionExternalId", J.Text("no-such-live"))),
        Set("101 percent", Verdict.Refused, "value", ("kind", J.Text("percent_off")), ("value", J.Num(100.01m))),
        Set("a fixed price above the list price", Verdict.Refused, "value", ("kind", J.Text("fixed_price")), ("value", J.Num(199.01m)),
            ("courseExternalIds", J.Texts(Known.Course)), ("categories", null)),
        create
            ? Set("a code and generateCodes both", Verdict.Refused, "code", ("code", J.Text("FZBOTH")), ("generateCodes", J.Num(2)))
            : Set("a code on an existing campaign", Verdict.Refused, "code", ("code", J.Text("FZLATE"))),
    ];

    private static List<KeyValuePair<string, J>> Campaign(Random rng, int @case, bool create)
    {
        List<KeyValuePair<string, J>> m = [];
        if (create || rng.Next(2) == 0) Add(m, "name", J.Text(ValidValues.Text(rng, 200)));
        if (create || rng.Next(3) == 0)
        {
            var kind = ValidValues.Pick(rng, Kinds);
            Add(m, "kind", J.Text(kind));
            Add(m, "value", J.Num(kind switch
            {
                "percent_off" => ValidValues.Money(rng, 100m),
                "fixed_price" => ValidValues.Money(rng, Known.CoursePrice),
                _ => ValidValues.Money(rng, 100_000_000m),
            }));
            // A fixed price is checked against the courses it covers; the patched campaign covers every course.
            if (kind == "fixed_price" && create) Add(m, "courseExternalIds", J.Texts(Known.Course));
            else if (create && rng.Next(3) == 0) Add(m, "categories", J.Texts("art", "code"));
        }
        if (rng.Next(3) == 0) Add(m, "minSpend", J.Num(ValidValues.Money(rng, 100_000_000m)));
        if (rng.Next(3) == 0) Add(m, "maxDiscount", J.Num(ValidValues.Money(rng, 100_000_000m)));
        if (rng.Next(3) == 0) Add(m, "budget", J.Num(ValidValues.Money(rng, 100_000_000m)));
        if (rng.Next(3) == 0) Add(m, "audience", J.Text(ValidValues.Pick(rng, Audiences)));
        if (rng.Next(3) == 0) Window(m, rng);
        if (rng.Next(3) == 0) Add(m, "totalLimit", J.Num(rng.Next(0, 1_000_000)));
        if (rng.Next(3) == 0) Add(m, "perCustomerLimit", J.Num(rng.Next(1, 10)));
        if (rng.Next(3) == 0) Add(m, "priority", J.Num(rng.Next(-1_000_000, 1_000_001)));
        if (rng.Next(3) == 0) Add(m, "stackable", rng.Next(2) == 0 ? J.True : J.False);
        if (rng.Next(3) == 0) Add(m, "returnUseOnRefund", rng.Next(2) == 0 ? J.True : J.False);
        if (rng.Next(2) == 0) Add(m, "status", J.Text(ValidValues.Pick(rng, Statuses)));
        if (rng.Next(4) == 0)
        {
            Add(m, "liveSessionExternalId", J.Text(Known.LiveSession));
            Add(m, "claimMinutes", J.Num(rng.Next(1, 7 * 24 * 60 + 1)));
        }
        if (create && rng.Next(3) == 0) Add(m, "code", J.Text($"FZC{@case}X{rng.Next(1000)}"));
        else if (create && rng.Next(4) == 0) Add(m, "generateCodes", J.Num(rng.Next(1, 4)));
        return m;
    }

    public static ObjectEndpoint[] All(Known known) =>
    [
        new("POST /api/v1/orders", HttpMethod.Post, _ => "/api/v1/orders",
            [
                new("orderId", Kind.Id, Required: true), new("customerExternalId", Kind.Id, Required: true),
                new("courseExternalId", Kind.Id, Required: true), new("couponCodes", Kind.List), new("referralCode", Kind.Id),
                new("liveSessionExternalId", Kind.Id), new("channel", Kind.Word), new("groupBuy", Kind.GroupBuy), new("paidAt", Kind.Time),
            ],
            ["couponCode", "discount", "payable", "status", "amount", "customerId", "listPrice", "__proto__", "$type"],
            [
                Set("an unknown course", Verdict.Conflict, "courseExternalId", ("courseExternalId", J.Text("no-such-course"))),
                Set("an unknown coupon", Verdict.Conflict, "couponCodes", ("couponCodes", J.Texts("NOPE-NOT-A-CODE")), ("groupBuy", null)),
                Set("an unknown live session", Verdict.Conflict, "liveSessionExternalId", ("liveSessionExternalId", J.Text("no-such-live"))),
                Set("paid in 2999", Verdict.Refused, "paidAt", ("paidAt", J.Text("2999-01-01T00:00:00Z"))),
                Set("an unknown group-buy campaign", Verdict.Conflict, "groupBuy", ("groupBuy", J.Object(("campaignId", J.Num(987_654)))), ("couponCodes", null)),
            ],
            (rng, c) =>
            {
                var fresh = rng.Next(2) == 0;
                List<KeyValuePair<string, J>> m =
                [
                    new("orderId", J.Text(ValidValues.Id(rng, $"fzo{c}"))), new("customerExternalId", J.Text(fresh ? $"fzo-buyer{c}" : Known.Customer)),
                    new("courseExternalId", J.Text(ValidValues.Pick(rng, Known.Course, Known.Course2))),
                    new("channel", J.Text(ValidValues.Pick(rng, "storefront", "live", "douyin_live"))),
                ];
                if (fresh && rng.Next(3) == 0)
                {
                    Mutation.Set(m, "courseExternalId", J.Text(Known.Course));
                    Add(m, "groupBuy", J.Object(("campaignId", J.Num(known.GroupBuyCampaign))));
                }
                else if (rng.Next(2) == 0) Add(m, "couponCodes", rng.Next(3) == 0 ? J.EmptyArray : J.Texts(Known.Code));
                if (rng.Next(2) == 0) Add(m, "liveSessionExternalId", J.Text(Known.LiveSession));
                if (rng.Next(2) == 0) Add(m, "paidAt", J.Text(ValidValues.Time(rng)));
                return m;
            }, Stored.Order, ReadOnly: false, ["orderId", "customerExternalId", "courseExternalId"]),

        new("POST /api/v1/orders/quote", HttpMethod.Post, _ => "/api/v1/orders/quote",
            [
                new("customerExternalId", Kind.Id, Required: true), new("courseExternalId", Kind.Id, Required: true),
                new("couponCodes", Kind.List), new("referralCode", Kind.Id), new("groupBuy", Kind.GroupBuy),
            ],
            ["couponCode", "orderId", "paidAt", "channel", "price"],
            [Set("an unknown course", Verdict.Conflict, "courseExternalId", ("courseExternalId", J.Text("no-such-course")))],
            (rng, c) =>
            {
                List<KeyValuePair<string, J>> m =
                [
                    new("customerExternalId", J.Text(ValidValues.Pick(rng, Known.Customer, $"fzq-buyer{c}"))),
                    new("courseExternalId", J.Text(ValidValues.Pick(rng, Known.Course, Known.Course2))),
                ];
                if (rng.Next(3) == 0) Add(m, "couponCodes", J.Texts(ValidValues.Pick(rng, Known.Code, $"NOPE{c}")));
                else if (rng.Next(3) == 0)
                {
                    Mutation.Set(m, "customerExternalId", J.Text($"fzq-buyer{c}"));
                    Mutation.Set(m, "courseExternalId", J.Text(Known.Course));
                    Add(m, "groupBuy", J.Object(("campaignId", J.Num(known.GroupBuyCampaign))));
                }
                return m;
            }, Stored.Nothing, ReadOnly: true, ["customerExternalId", "courseExternalId"]),

        new("POST /api/v1/coupons/validate", HttpMethod.Post, _ => "/api/v1/coupons/validate",
            [new("code", Kind.Id, Required: true), new("customerExternalId", Kind.Id, Required: true), new("courseExternalId", Kind.Id, Required: true)],
            ["couponCodes", "orderId", "amount"],
            [Set("an unknown course", Verdict.Conflict, "courseExternalId", ("courseExternalId", J.Text("no-such-course")))],
            (rng, c) =>
            [
                new("code", J.Text(ValidValues.Pick(rng, Known.Code, Known.Code.ToLowerInvariant(), $"NOPE{c}"))),
                new("customerExternalId", J.Text(ValidValues.Pick(rng, Known.Customer, $"fzv-buyer{c}"))),
                new("courseExternalId", J.Text(ValidValues.Pick(rng, Known.Course, Known.Course2))),
            ], Stored.Nothing, ReadOnly: true, ["code", "customerExternalId", "courseExternalId"]),

        new("POST /api/v1/orders/{orderId}/refund", HttpMethod.Post,
            p => $"/api/v1/orders/{p switch { Purpose.Valid => Known.SmallRefunds, Purpose.Mutated => Known.HostileRefunds, _ => Known.RestRefunds }}/refund",
            [new("amount", Kind.Money), new("reason", Kind.Text, MaxLength: 500)],
            ["refundAmount", "currency", "orderId", "status"],
            [
                Set("amount 0", Verdict.Refused, "amount", ("amount", J.Num(0))),
                Set("more than was paid", Verdict.Conflict, "amount", ("amount", J.Num(1000))),
            ],
            (rng, _) => rng.Next(2) == 0
                ? [new("amount", J.Num(0.01m)), new("reason", J.Text(ValidValues.Text(rng, 500)))]
                : [new("amount", J.Num(0.01m))],
            Stored.Refund, ReadOnly: false, [], HasId: true),

        new("POST /api/v1/coupon-campaigns", HttpMethod.Post, _ => "/api/v1/coupon-campaigns", CampaignFields(create: true), CampaignUnknown,
            CampaignSpecials(create: true), (rng, c) => Campaign(rng, c, create: true), Stored.CouponCampaign, ReadOnly: false,
            ["name", "kind", "value"]),

        new("PATCH /api/v1/coupon-campaigns/{id}", HttpMethod.Patch, _ => $"/api/v1/coupon-campaigns/{known.PatchCampaign}",
            CampaignFields(create: false), CampaignUnknown, CampaignSpecials(create: false), (rng, c) => Campaign(rng, c, create: false),
            Stored.Nothing, ReadOnly: false, [], HasId: true),

        new("POST /api/v1/group-buy-campaigns", HttpMethod.Post, _ => "/api/v1/group-buy-campaigns",
            [
                new("name", Kind.Text, Required: true, MaxLength: 200), new("courseExternalId", Kind.Id, Required: true),
                new("teamSize", Kind.Whole, Required: true, Min: 2, Max: 50), new("groupPrice", Kind.Money, Required: true),
                new("leaderPrice", Kind.Money), new("teamWindowMinutes", Kind.Whole, Required: true, Min: 1, Max: 30 * 24 * 60),
                new("startsAt", Kind.Time), new("endsAt", Kind.Time), new("maxTeams", Kind.Whole), new("status", Kind.Word, Allowed: Statuses),
            ],
            ["price", "couponCode", "teams", "teamsOpened", "$type"],
            [
                Set("an unknown course", Verdict.Refused, "courseExternalId", ("courseExternalId", J.Text("no-such-course"))),
                Set("a group price above the list price", Verdict.Refused, "groupPrice", ("groupPrice", J.Num(199.01m)), ("leaderPrice", null)),
                Set("a leader price above the group price", Verdict.Refused, "leaderPrice", ("groupPrice", J.Num(50)), ("leaderPrice", J.Num(60))),
                Set("ends before it starts", Verdict.Refused, "endsAt", ("startsAt", J.Text("2025-05-01T00:00:00Z")), ("endsAt", J.Text("2025-04-01T00:00:00Z"))),
            ],
            (rng, _) =>
            {
                var price = ValidValues.Money(rng, Known.CoursePrice);
                List<KeyValuePair<string, J>> m =
                [
                    new("name", J.Text(ValidValues.Text(rng, 200))), new("courseExternalId", J.Text(Known.Course)),
                    new("teamSize", J.Num(rng.Next(2, 51))), new("groupPrice", J.Num(price)),
                    new("teamWindowMinutes", J.Num(rng.Next(1, 30 * 24 * 60 + 1))),
                ];
                if (rng.Next(2) == 0) Add(m, "leaderPrice", J.Num(ValidValues.Money(rng, price)));
                if (rng.Next(3) == 0) Window(m, rng);
                if (rng.Next(3) == 0) Add(m, "maxTeams", J.Num(rng.Next(0, 1000)));
                if (rng.Next(2) == 0) Add(m, "status", J.Text(ValidValues.Pick(rng, Statuses)));
                return m;
            }, Stored.GroupBuyCampaign, ReadOnly: false, ["name", "courseExternalId", "teamSize", "groupPrice", "teamWindowMinutes"]),
    ];
}
