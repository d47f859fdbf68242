namespace Console.Tests.Api;

/// <summary>The cases of an endpoint that takes one object: a fixed opening that every seed covers, then random draws.</summary>
public static class ObjectRequests
{
    public static HostileRequest Next(ObjectEndpoint endpoint, Random rng, int c)
    {
        var manage = endpoint.Manage || endpoint.Name.Contains("campaigns", StringComparison.Ordinal);
        HostileRequest Whole(byte[] body, Expect expect, string note, Purpose purpose = Purpose.Whole) =>
            new(endpoint.Name, c, endpoint.Method, endpoint.Path(purpose), body, expect, note) { ReadOnly = endpoint.ReadOnly };
        HostileRequest Valid(string note, Func<byte[], byte[]>? encode = null)
        {
            var members = endpoint.Valid(rng, c);
            var body = new J.Obj(members).ToBytes();
            return Whole(encode is null ? body : encode(body), Expect.Ok, note, Purpose.Valid) with
            {
                Stored = endpoint.Stored, StoredId = endpoint.Stored == Stored.Order ? Mutation.TextOf(members, "orderId") : null,
            };
        }

        switch (c)
        {
            case 0: return Valid("a valid body");
            case 1: return Whole(Bodies.HugeObject.Value, Expect.TooLarge, "a body over 10 MB");
            case 2: return Whole(Bodies.HugeObject.Value, Expect.TooLarge, "a body over 10 MB without a length") with { Chunked = true };
            // "Refund the rest" may come without a body (API.md: amount defaults to the rest).
            case 3: return Whole([], endpoint.Stored == Stored.Refund || endpoint.OptionalBody ? Expect.Either : Expect.Refused, "an empty body");
            case 4: return Whole(WithUnknown(endpoint, rng, c), Expect.Refused, $"an unknown field {endpoint.Unknown[0]}", Purpose.Mutated)
                with { Fields = [endpoint.Unknown[0]] };
            case 5:
                return Whole(J.EmptyObject.ToBytes(), endpoint.RequiredOnEmpty.Length > 0 ? Expect.Refused : Expect.Either, "an empty object")
                    with { Fields = endpoint.RequiredOnEmpty };
            case 6: return Whole(J.Array(new J.Obj(endpoint.Valid(rng, c))).ToBytes(), Expect.Refused, "the valid body in an array");
            case 7: return Valid("a valid body as UTF-16", Bodies.Utf16) with { Expect = Expect.Refused, Stored = Stored.Nothing, StoredId = null };
            case 8 when endpoint.Fields.FirstOrDefault(f => f.Kind == Kind.Money) is { } money:
                return Mutated(endpoint, rng, c, (m, _) => Mutation.Set(m, money.Name, J.Lit("1e28")), $"{money.Name}: 1e28", money.Name);
            case 9 when endpoint.Fields.FirstOrDefault(f => f.Kind == Kind.Money) is { } money:
                return Mutated(endpoint, rng, c, (m, _) => Mutation.Set(m, money.Name, J.Lit("92233720368547758.07")),
                    $"{money.Name}: 92233720368547758.07", money.Name);
        }
        var roll = rng.Next(100);
        if (roll < 14) return Valid("a valid body");
        if (roll < 18) return Variants.WithKey(Valid("a valid body") with { Stored = Stored.Nothing }, rng, manage);
        if (roll < 21) return Variants.WithContentType(Valid("a valid body"), rng);
        if (roll < 22) return Valid("a valid body after a UTF-8 byte order mark", Bodies.WithBom) with { Expect = Expect.Either };
        if (roll < 32)
        {
            var (body, note) = Bodies.Broken[rng.Next(Bodies.Broken.Length)];
            return Whole(body, Expect.Refused, note);
        }
        if (roll < 35)
        {
            // Two values for one key: servers differ on which wins, and either is right.
            var members = endpoint.Valid(rng, c);
            var first = members[0];
            members.Insert(0, KeyValuePair.Create(first.Key, first.Value is J.Str s ? J.Text(s.Value + "-first") : first.Value));
            return Whole(new J.Obj(members).ToBytes(), Expect.Either, $"duplicate key {first.Key}", Purpose.Mutated);
        }
        if (roll < 38 && endpoint.HasId)
        {
            var segment = PathCases.HostileSegments[rng.Next(PathCases.HostileSegments.Length)];
            var hostilePath = endpoint.Method == HttpMethod.Patch ? $"/api/v1/coupon-campaigns/{segment}" : $"/api/v1/orders/{segment}/refund";
            return Whole(new J.Obj(endpoint.Valid(rng, c)).ToBytes(), Expect.Refused, "a valid body to a path that names nothing") with { Path = hostilePath };
        }
        var count = rng.Next(5) == 0 ? rng.Next(2, 4) : 1;
        var valid = endpoint.Valid(rng, c);
        var mutated = Mutation.Apply(valid, endpoint.Fields, endpoint.Unknown, endpoint.Specials, rng, batch: false, count);
        return Result(endpoint, c, mutated, valid);
    }

    private static byte[] WithUnknown(ObjectEndpoint endpoint, Random rng, int c)
    {
        var members = endpoint.Valid(rng, c);
        members.Add(KeyValuePair.Create(endpoint.Unknown[0], (J)J.Text(Known.Code)));
        return new J.Obj(members).ToBytes();
    }

    private static HostileRequest Mutated(ObjectEndpoint endpoint, Random rng, int c, Action<List<KeyValuePair<string, J>>, Random> change,
        string note, string field)
    {
        var members = endpoint.Valid(rng, c);
        change(members, rng);
        return Result(endpoint, c, Mutation.Combine(new J.Obj(members), [(Verdict.Refused, field, note, null)]), members);
    }

    private static HostileRequest Result(ObjectEndpoint endpoint, int c, Mutated mutated, List<KeyValuePair<string, J>> members)
    {
        var expect = Mutation.ExpectOf(mutated.Verdict);
        return new HostileRequest(endpoint.Name, c, endpoint.Method, endpoint.Path(expect == Expect.Ok ? Purpose.Valid : Purpose.Mutated),
            mutated.Json.ToBytes(), expect, mutated.Note)
        {
            Fields = mutated.Fields, ReadOnly = endpoint.ReadOnly, Stored = expect == Expect.Refused ? Stored.Nothing : endpoint.Stored,
            StoredId = endpoint.Stored == Stored.Order && members.Count(m => m.Key == "orderId") == 1 ? Mutation.TextOf(members, "orderId") : null,
        };
    }
}
