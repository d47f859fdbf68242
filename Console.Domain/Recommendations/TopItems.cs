namespace Console.Domain.Recommendations;

/// <summary>Picks the k best-scored items, skipping excluded ones; equal scores go to the lower index, so runs repeat exactly.</summary>
public static class TopItems
{
    public static int[] Pick(ReadOnlySpan<double> scores, int k, Func<int, bool> excluded)
    {
        var best = new List<int>(k + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (excluded(i)) continue;
            if (best.Count == k && scores[i] <= scores[best[^1]]) continue;
            var at = best.Count;
            while (at > 0 && scores[i] > scores[best[at - 1]]) at--;
            best.Insert(at, i);
            if (best.Count > k) best.RemoveAt(k);
        }
        return [.. best];
    }
}
