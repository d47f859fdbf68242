namespace Console.Tests.Api;

/// <summary>A batch endpoint of API.md "Ingestion": its fields, a valid item for an id, and where a stored item is found.</summary>
public sealed record BatchEndpoint(string Name, string Path, string Stem, Field[] Fields, string[] Unknown, Special[] Specials,
    Func<Random, string, List<KeyValuePair<string, J>>> Valid, string KeyField, string TextField);

/// <summary>Mixed batches: valid items that must be stored beside hostile ones that must be rejected, one by one.</summary>
public static class BatchCases
{
    private static readonly string[] Types = ["page_view", "watch", "chat", "question", "poll_vote", "like", "share", "lottery_join", "add_to_cart"];

    public static readonly BatchEndpoint Customers = new("POST /api/v1/customers", "/api/v1/customers", "fzcu",
        [
            new("externalId", Kind.Id, Required: true), new("email", Kind.Email), new("name", Kind.Text, MaxLength: 200),
            new("phone", Kind.Text, MaxLength: 50), new("city", Kind.Text), new("source", Kind.Text), new("emailOptIn", Kind.Bool),
            new("createdAt", Kind.Time),
        ],
        ["couponCode", "emial", "firstName", "isAdmin", "__proto__", "$type"], [],
        (rng, id) =>
        [
            new("externalId", J.Text(id)), new("name", J.Text(ValidValues.Text(rng))),
            new("email", rng.Next(2) == 0 ? J.Text($"buyer{rng.Next()}@example.com") : J.Null),
            new("phone", J.Text("+86 138 0013 8000")), new("city", J.Text(ValidValues.Pick(rng, "上海", "Chengdu", "O'Fallon"))),
            new("source", J.Text(ValidValues.Pick(rng, "douyin", "wechat_channels", "<b>own room</b>"))),
            new("emailOptIn", rng.Next(2) == 0 ? J.True : J.False), new("createdAt", J.Text(ValidValues.Time(rng))),
        ], "externalId", "name");

    public static readonly BatchEndpoint Courses = new("POST /api/v1/courses", "/api/v1/courses", "fzco",
        [
            new("externalId", Kind.Id, Required: true), new("title", Kind.Text, Required: true, MaxLength: 300),
            new("listPrice", Kind.Money, Required: true), new("category", Kind.Text), new("lecturer", Kind.Text, MaxLength: 200),
            new("status", Kind.Text, MaxLength: 20),
        ],
        ["price", "couponCode", "currency", "discount", "$type"], [],
        (rng, id) =>
        [
            new("externalId", J.Text(id)), new("title", J.Text(ValidValues.Text(rng))),
            new("listPrice", J.Num(ValidValues.Money(rng, 100_000_000m))), new("category", J.Text(ValidValues.Pick(rng, "art", "code", "书法"))),
            new("lecturer", J.Text(ValidValues.Text(rng))), new("status", J.Text(ValidValues.Pick(rng, "active", "draft", "archived"))),
        ], "externalId", "title");

    public static readonly BatchEndpoint LiveSessions = new("POST /api/v1/live-sessions", "/api/v1/live-sessions", "fzls",
        [
            new("externalId", Kind.Id, Required: true), new("courseExternalId", Kind.Id, Required: true),
            new("title", Kind.Text, Required: true, MaxLength: 300), new("platform", Kind.Text, MaxLength: 50),
            new("host", Kind.Text, MaxLength: 200), new("scheduledAt", Kind.Time), new("startedAt", Kind.Time), new("endedAt", Kind.Time),
            new("peakViewers", Kind.Whole, Max: int.MaxValue, Int32: true),
        ],
        ["course", "viewers", "couponCode", "streamUrl"],
        [
            new("an unknown course", Verdict.Conflict, "courseExternalId", (m, rng) => Mutation.Set(m, "courseExternalId", J.Text("no-such-course-" + rng.Next()))),
            new("ended before it started", Verdict.Refused, "endedAt", (m, _) =>
            {
                Mutation.Set(m, "startedAt", J.Text("2025-03-01T20:00:00+08:00"));
                Mutation.Set(m, "endedAt", J.Text("2025-03-01T19:00:00+08:00"));
            }),
        ],
        (rng, id) =>
        [
            new("externalId", J.Text(id)), new("courseExternalId", J.Text(ValidValues.Pick(rng, Known.Course, Known.Course2))),
            new("title", J.Text(ValidValues.Text(rng))), new("platform", J.Text(ValidValues.Pick(rng, "douyin", "wechat", "own"))),
            new("host", J.Text(ValidValues.Text(rng))), new("scheduledAt", J.Text("2025-03-01T19:00:00+08:00")),
            new("startedAt", J.Text("2025-03-01T20:00:00+08:00")), new("endedAt", J.Text("2025-03-01T22:00:00+08:00")),
            new("peakViewers", J.Num(rng.Next(0, 100_000))),
        ], "externalId", "title");

    public static readonly BatchEndpoint Events = new("POST /api/v1/events", "/api/v1/events", "fzev",
        [
            new("eventId", Kind.Id, Required: true), new("customerExternalId", Kind.Id, Required: true),
            new("type", Kind.Word, Required: true, Allowed: Types), new("occurredAt", Kind.Time, Required: true), new("courseExternalId", Kind.Id),
            new("liveSessionExternalId", Kind.Id), new("value", Kind.Number),
        ],
        ["eventType", "timestamp", "userId", "amount", "$type"],
        [
            new("an unknown course", Verdict.Conflict, "courseExternalId", (m, rng) => Mutation.Set(m, "courseExternalId", J.Text("no-such-course-" + rng.Next()))),
            new("an unknown live session", Verdict.Conflict, "liveSessionExternalId", (m, rng) => Mutation.Set(m, "liveSessionExternalId", J.Text("no-such-live-" + rng.Next()))),
            new("an unknown couponCode", Verdict.Conflict, "couponCode", (m, rng) =>
            {
                Mutation.Set(m, "type", J.Text("coupon_claim"));
                Mutation.Set(m, "couponCode", J.Text("NOPE" + rng.Next()));
            }),
            new("occurredAt in 2999", Verdict.Refused, "occurredAt", (m, _) => Mutation.Set(m, "occurredAt", J.Text("2999-01-01T00:00:00Z"))),
            new("type 'Watch'", Verdict.Refused, "type", (m, _) => Mutation.Set(m, "type", J.Text("Watch"))),
        ],
        (rng, id) =>
        {
            List<KeyValuePair<string, J>> item =
            [
                new("eventId", J.Text(id)), new("customerExternalId", J.Text(ValidValues.Pick(rng, Known.Customer, "fzev-buyer-" + rng.Next(1000)))),
                new("type", J.Text(ValidValues.Pick(rng, Types))), new("occurredAt", J.Text(ValidValues.Time(rng))),
            ];
            if (rng.Next(2) == 0) item.Add(new("courseExternalId", J.Text(Known.Course)));
            if (rng.Next(2) == 0) item.Add(new("liveSessionExternalId", J.Text(Known.LiveSession)));
            if (rng.Next(2) == 0) item.Add(new("value", J.Num(Math.Round((decimal)rng.NextDouble() * 3600, 1))));
            // API.md: a coupon_claim names the code it claimed.
            if (rng.Next(5) == 0)
            {
                Mutation.Set(item, "type", J.Text("coupon_claim"));
                item.Add(new("couponCode", J.Text(Known.Code)));
            }
            return item;
        }, "eventId", "type");

    public static readonly BatchEndpoint[] All = [Customers, Courses, LiveSessions, Events];

    /// <summary>Where an endpoint's items are stored: the table, the column of the item's key and of its checked text.</summary>
    public static (string Table, string Key, string Text) Storage(string endpoint) => endpoint switch
    {
        "POST /api/v1/customers" => ("customers", "external_id", "name"),
        "POST /api/v1/courses" => ("courses", "external_id", "title"),
        "POST /api/v1/live-sessions" => ("live_sessions", "external_id", "title"),
        _ => ("events", "event_id", "type"),
    };

    /// <summary>A batch of 1 to 6 items (now and then 40), each valid, hostile or either.</summary>
    public static HostileRequest Mixed(BatchEndpoint endpoint, Random rng, int @case)
    {
        var count = rng.Next(20) == 0 ? 40 : rng.Next(1, 7);
        var items = new List<J>();
        var metas = new List<BatchItem>();
        for (var i = 0; i < count; i++)
        {
            var (json, meta) = Item(endpoint, rng, @case, i);
            items.Add(json);
            metas.Add(meta);
        }
        var expect = metas.Any(m => m.Verdict == Verdict.Deep) ? Expect.Either : Expect.Ok;
        var notes = string.Join(" | ", metas.Select((m, i) => $"{i}: {m.Note}"));
        return new HostileRequest(endpoint.Name, @case, HttpMethod.Post, endpoint.Path, J.Array([.. items]).ToBytes(), expect, notes)
        {
            Items = metas,
        };
    }

    /// <summary>Only valid items, which must all be stored.</summary>
    public static (byte[] Body, List<BatchItem> Items) AllValid(BatchEndpoint endpoint, Random rng, int @case, int count)
    {
        var items = Enumerable.Range(0, count).Select(i =>
        {
            var id = ValidValues.Id(rng, $"{endpoint.Stem}{@case}-{i}");
            var members = endpoint.Valid(rng, id);
            return (Json: (J)new J.Obj(members), Meta: new BatchItem(Verdict.Valid, "valid", id, Mutation.TextOf(members, endpoint.TextField)?.Trim()));
        }).ToList();
        return (J.Array([.. items.Select(i => i.Json)]).ToBytes(), items.Select(i => i.Meta).ToList());
    }

    private static (J Json, BatchItem Meta) Item(BatchEndpoint endpoint, Random rng, int @case, int i)
    {
        var id = ValidValues.Id(rng, $"{endpoint.Stem}{@case}-{i}");
        var members = endpoint.Valid(rng, id);
        var roll = rng.Next(100);
        if (roll < 45) return (new J.Obj(members), new BatchItem(Verdict.Valid, "valid", id, Mutation.TextOf(members, endpoint.TextField)?.Trim()));
        if (roll < 50)
        {
            var (json, note) = ValidValues.Pick(rng, (J.Num(1), "a number"), (J.Text("item"), "a string"), (J.Null, "null"),
                (J.EmptyArray, "an empty array"), (J.True, "true"), (J.Array(new J.Obj(members)), "the item wrapped in an array"));
            return (json, new BatchItem(Verdict.Refused, "item is " + note, id, null));
        }
        if (roll < 54)
        {
            // Two values for the key: whichever one a server takes, it must not take both.
            members.Add(KeyValuePair.Create(endpoint.KeyField, (J)J.Text(id + "-dup")));
            return (new J.Obj(members), new BatchItem(Verdict.Lenient, $"duplicate key {endpoint.KeyField}", null, null));
        }
        var mutated = Mutation.Apply(members, endpoint.Fields, endpoint.Unknown, endpoint.Specials, rng, batch: true, rng.Next(5) == 0 ? rng.Next(2, 4) : 1);
        var keyIntact = Mutation.TextOf(members, endpoint.KeyField) == id;
        var stored = mutated.Verdict == Verdict.Valid ? Mutation.TextOf(members, endpoint.TextField)?.Trim() : null;
        return (mutated.Json, new BatchItem(mutated.Verdict, mutated.Note, keyIntact ? id : null, stored) { Code = mutated.Code });
    }
}
