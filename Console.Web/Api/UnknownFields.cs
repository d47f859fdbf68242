namespace Console.Web.Api;

/// <summary>A field the endpoint does not know is refused; the nearest known name is offered when it is a likely typo.</summary>
internal static class UnknownFields
{
    private const int MaxCompared = 100;

    public static string Message(string? suggestion) =>
        suggestion is null ? "Unknown field." : $"Unknown field; did you mean '{suggestion}'?";

    /// <summary>The known name within a third of the name's length in edits (at least two), ignoring case; the first on a tie.</summary>
    public static string? Nearest(string name, IReadOnlyList<string> known)
    {
        if (name.Length == 0 || name.Length > MaxCompared) return null;
        var limit = Math.Max(2, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
