namespace Console.Tests.Api;

/// <summary>A change to a valid body that only this endpoint knows about (an unknown course, an end before the start).</summary>
public sealed record Special(string Note, Verdict Verdict, string? Field, Action<List<KeyValuePair<string, J>>, Random> Apply);

/// <summary>A valid body with hostile changes; Fields are the fields a 400 must name, Code the rejection a batch must give.</summary>
public sealed record Mutated(J Json, Verdict Verdict, string Note, IReadOnlyList<string> Fields, string? Code);

/// <summary>Applies hostile changes to a valid object body and works out what the contract says must happen to it.</summary>
public static class Mutation
{
    public static void Set(List<KeyValuePair<string, J>> members, string key, J? value)
    {
        var at = members.FindIndex(m => m.Key == key);
        members.RemoveAll(m => m.Key == key);
        if (value is null) return;
        members.Insert(at < 0 ? members.Count : at, KeyValuePair.Create(key, value));
    }

    public static string? TextOf(List<KeyValuePair<string, J>> members, string key) =>
        members.LastOrDefault(m => m.Key == key).Value is J.Str s ? s.Value : null;

    /// <param name="count">How many changes; one change gives the most precise expectations.</param>
    public static Mutated Apply(List<KeyValuePair<string, J>> members, Field[] fields, string[] unknown, Special[] specials,
        Random rng, bool batch, int count)
    {
        var verdicts = new List<(Verdict Verdict, string? Field, string Note, string? Code)>();
        // Each change gets a field of its own: a later change to the same field would undo what the first one promised.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            var roll = rng.Next(100);
            if (roll < 10 && unknown.Length > 0)
            {
                var name = unknown[rng.Next(unknown.Length)];
                if (!touched.Add(name)) continue;
                members.Add(KeyValuePair.Create(name, (J)J.Text(Known.Code)));
                verdicts.Add((Verdict.Refused, name, $"unknown field '{name}'", "unknown_field"));
            }
            else if (roll < 25 && specials.Length > 0 && count == 1)
            {
                var special = specials[rng.Next(specials.Length)];
                special.Apply(members, rng);
                verdicts.Add((special.Verdict, special.Field, special.Note, null));
            }
            else
            {
                var free = fields.Where(f => !touched.Contains(f.Name)).ToList();
                if (free.Count == 0) continue;
                var field = free[rng.Next(free.Count)];
                touched.Add(field.Name);
                var value = HostileValues.Hostile(field, rng, batch);
                Set(members, field.Name, value.Json);
                verdicts.Add((value.Verdict, field.Name, $"{field.Name}: {value.Note}", value.Verdict == Verdict.BadText ? "invalid_text" : null));
            }
        }
        return Combine(new J.Obj(members.ToList()), verdicts);
    }

    public static Mutated Combine(J json, List<(Verdict Verdict, string? Field, string Note, string? Code)> verdicts)
    {
        var worst = verdicts.Count == 0 ? Verdict.Valid : verdicts.MaxBy(v => Rank(v.Verdict)).Verdict;
        var refusing = verdicts.Where(v => Rank(v.Verdict) >= Rank(Verdict.Refused)).ToList();
        // A 400 must name a field only when every refusing change is a field error the server can attribute.
        var fields = refusing.Count > 0 && refusing.All(v => v.Verdict is Verdict.Refused or Verdict.Missing && v.Field is not null)
            ? refusing.Select(v => v.Field!).Distinct().ToList()
            : [];
        var code = refusing.Count == 1 && verdicts.Count == 1 ? refusing[0].Code : null;
        return new(json, worst, string.Join("; ", verdicts.Select(v => v.Note)), fields, code);
    }

    private static int Rank(Verdict verdict) => verdict switch
    {
        Verdict.Valid => 0,
        Verdict.Lenient => 1,
        Verdict.Refused or Verdict.Missing => 2,
        Verdict.Conflict => 3,
        Verdict.BadText => 4,
        _ => 5,
    };

    /// <summary>What a whole request must answer, from the worst of its changes.</summary>
    public static Expect ExpectOf(Verdict verdict) => verdict switch
    {
        Verdict.Valid => Expect.Ok,
        Verdict.Lenient => Expect.Either,
        _ => Expect.Refused,
    };
}
