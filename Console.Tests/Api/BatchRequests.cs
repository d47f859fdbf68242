namespace Console.Tests.Api;

/// <summary>The cases of a batch endpoint: a fixed opening that every seed covers, then random draws.</summary>
public static class BatchRequests
{
    public static HostileRequest Next(BatchEndpoint endpoint, Random rng, int c)
    {
        HostileRequest Whole(byte[] body, Expect expect, string note) => new(endpoint.Name, c, HttpMethod.Post, endpoint.Path, body, expect, note);
        HostileRequest Valid(int count, string note, Expect expect = Expect.Ok, Func<byte[], byte[]>? encode = null)
        {
            var (body, items) = BatchCases.AllValid(endpoint, rng, c, count);
            return Whole(encode is null ? body : encode(body), expect, note) with { Items = items };
        }

        switch (c)
        {
            case 0: return Valid(5, "five valid items");
            case 1: return Whole(Bodies.HugeArray.Value, Expect.TooLarge, "a body over 10 MB");
            case 2: return Whole(Bodies.HugeArray.Value, Expect.TooLarge, "a body over 10 MB without a length") with { Chunked = true };
            case 3: return Whole([], Expect.Refused, "an empty body");
            case 4: return Whole(new J.Obj(endpoint.Valid(rng, $"{endpoint.Stem}{c}-0")).ToBytes(), Expect.Refused, "an object where an array belongs");
            case 5: return Whole(J.Array([.. Enumerable.Range(0, 5_001).Select(i => J.Object((endpoint.KeyField, J.Text($"{endpoint.Stem}{c}-{i}"))))]).ToBytes(),
                Expect.Refused, "5,001 items");
            case 6: return Valid(3, "valid items as UTF-16", Expect.Refused, Bodies.Utf16) with { Items = null };
            case 7: return Whole(Bodies.Utf8("[]"), Expect.Either, "an empty array") with { Items = [] };
            case 8: return Forced(endpoint, rng, c, J.Lit("\"\\ud800\""), "an escaped lone surrogate");
            case 9: return Forced(endpoint, rng, c, J.RawString(0xC3, 0x28), "raw invalid UTF-8 bytes C3 28");
            case 10: return Forced(endpoint, rng, c, null, $"an unknown field {endpoint.Unknown[0]}");
        }
        var roll = rng.Next(100);
        if (roll < 8) return Valid(rng.Next(1, 8), "valid items");
        if (roll < 11) return Variants.WithKey(Valid(2, "valid items"), rng, manage: false);
        if (roll < 13) return Variants.WithContentType(Valid(2, "valid items"), rng);
        if (roll < 14) return Valid(2, "valid items after a UTF-8 byte order mark", Expect.Either, Bodies.WithBom);
        if (roll < 24)
        {
            var (body, note) = Bodies.Broken[rng.Next(Bodies.Broken.Length)];
            return Whole(body, Expect.Refused, note);
        }
        if (roll < 25) return Whole(J.Deep(10_000).ToBytes(), Expect.Either, "10,000 nested arrays") with { Items = [new(Verdict.Deep, "nested", null, null)] };
        return BatchCases.Mixed(endpoint, rng, c);
    }

    /// <summary>A valid item, a hostile one, a valid one: the hostile item alone is rejected with the code API.md gives.</summary>
    private static HostileRequest Forced(BatchEndpoint endpoint, Random rng, int c, J? text, string note)
    {
        var id = $"{endpoint.Stem}{c}-bad";
        var members = endpoint.Valid(rng, id);
        var field = endpoint.Fields.First(f => f.Name != endpoint.KeyField && f.Kind is Kind.Text or Kind.Id).Name;
        if (text is null) members.Add(KeyValuePair.Create(endpoint.Unknown[0], (J)J.Text(Known.Code)));
        else Mutation.Set(members, field, text);
        var items = BatchCases.AllValid(endpoint, rng, c, 2);
        var body = J.Array(Parse(items.Body)[0], new J.Obj(members), Parse(items.Body)[1]).ToBytes();
        var hostile = new BatchItem(Verdict.Refused, note, id, null) { Code = text is null ? "unknown_field" : "invalid_text" };
        return new HostileRequest(endpoint.Name, c, HttpMethod.Post, endpoint.Path, body, Expect.Ok, $"{note} in item 1 ({field})")
        {
            Items = [items.Items[0], hostile, items.Items[1]],
        };
    }

    private static J[] Parse(byte[] array)
    {
        using var document = System.Text.Json.JsonDocument.Parse(array);
        return [.. document.RootElement.EnumerateArray().Select(e => J.Lit(e.GetRawText()))];
    }
}
