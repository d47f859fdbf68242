namespace Console.Tests.Api;

/// <summary>The cases of look-ups, health and methods an endpoint does not take; none of them may write.</summary>
public static class PathRequests
{
    public static HostileRequest Next(PathEndpoint endpoint, Random rng, int c)
    {
        HostileRequest Get(string path, Expect expect, string note) =>
            new(endpoint.Name, c, HttpMethod.Get, path, [], expect, note) { ReadOnly = !endpoint.Writes };

        var valid = Get(endpoint.Valid[rng.Next(endpoint.Valid.Length)], Expect.Ok, "a valid look-up");
        if (endpoint.Health)
        {
            // Health needs no key, so a bad one changes nothing.
            Key[] keys = [Key.Manage, Key.None, Key.Unknown, Key.Injection, Key.Huge];
            return valid with { Key = keys[rng.Next(keys.Length)] };
        }
        if (endpoint.Page)
        {
            // A link is public, so any key is ignored; following it records a click, which is the write it must make.
            Key[] keys = [Key.Manage, Key.None, Key.Unknown, Key.Injection, Key.Huge];
            if (c == 0 || rng.Next(3) == 0) return valid with
                {
                    Key = keys[rng.Next(keys.Length)], Expect = endpoint.PageAnswer, ReadOnly = endpoint.PageAnswer != Expect.Redirect, Page = true,
                };
            var (pagePath, pageExpect) = endpoint.Hostile[rng.Next(endpoint.Hostile.Length)];
            return Get(pagePath, pageExpect, "a link that names nothing") with { Key = keys[rng.Next(keys.Length)], Page = true };
        }
        var roll = rng.Next(100);
        if (c == 0 || roll < 20) return valid;
        if (roll < 28) return Variants.WithKey(valid, rng, endpoint.Manage);
        var (path, expect) = endpoint.Hostile[rng.Next(endpoint.Hostile.Length)];
        return Get(path, expect, "a path that names nothing");
    }

    public static HostileRequest WrongMethod(string endpoint, Random rng, int c)
    {
        var (method, path) = PathCases.WrongMethods[c < PathCases.WrongMethods.Length ? c : rng.Next(PathCases.WrongMethods.Length)];
        var body = method is "GET" or "TRACE" ? [] : Bodies.Utf8("[{\"externalId\":\"fz-wrong-method\"}]");
        return new(endpoint, c, new HttpMethod(method), path, body, Expect.Refused, $"{method} is not taken here") { ReadOnly = true };
    }
}
