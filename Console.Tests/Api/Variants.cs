namespace Console.Tests.Api;

/// <summary>Hostility outside the body: keys that are missing, unknown or out of scope, and content types that lie.</summary>
public static class Variants
{
    /// <summary>A request that would succeed with its manage key, sent with a bad one: 401, or 403 for an ingest key where manage is needed.</summary>
    public static HostileRequest WithKey(HostileRequest request, Random rng, bool manage)
    {
        var keys = manage ? new[] { Key.None, Key.Unknown, Key.Injection, Key.Huge, Key.Ingest } : [Key.None, Key.Unknown, Key.Injection, Key.Huge];
        var key = keys[rng.Next(keys.Length)];
        return request with { Key = key, Expect = Expect.Refused, Fields = [], Note = $"{request.Note}, key {key}" };
    }

    /// <summary>The body is what the endpoint takes; the Content-Type says otherwise. Reading it anyway or refusing it are both right.</summary>
    public static HostileRequest WithContentType(HostileRequest request, Random rng)
    {
        string?[] types = ["text/plain", "application/xml", "application/x-www-form-urlencoded", null, "application/json; charset=utf-16",
            "multipart/form-data; boundary=x", "application/json; charset=\"'; DROP TABLE x;--\""];
        var type = types[rng.Next(types.Length)];
        return request with { ContentType = type, Expect = request.Expect == Expect.Ok ? Expect.Either : request.Expect };
    }
}
