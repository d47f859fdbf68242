namespace Console.Domain.Text;

/// <summary>
/// Groups texts into themes: spherical k-means (cosine) over L2-normalised TF-IDF vectors, started by k-means++
/// from a seeded generator, so the same texts and seed always give the same themes. k is about √(n / 2), at most
/// maxThemes. A theme is labelled by its centroid's top three terms; its examples are the members nearest the centroid.
/// </summary>
public static class Themes
{
    private const int Iterations = 30;
    private const int ExampleCount = 3;

    public static IReadOnlyList<TextTheme> Find(IReadOnlyList<string> texts, int maxThemes = 8, int seed = 1)
    {
        var terms = TermVectors.Of(texts);
        var points = Enumerable.Range(0, texts.Count).Where(i => terms.Vectors[i].Count > 0).ToList();
        if (points.Count == 0 || maxThemes <= 0) return [];
        var unit = points.Select(i => Normalised(terms.Vectors[i])).ToList();
        var k = Math.Clamp((int)Math.Round(Math.Sqrt(points.Count / 2.0)), 1, Math.Min(maxThemes, points.Count));
        var centroids = SeedCentroids(unit, k, new Random(seed));
        var assigned = new int[unit.Count];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var changed = false;
            for (var p = 0; p < unit.Count; p++)
            {
                var best = Nearest(unit[p], centroids);
                if (best != assigned[p] || iteration == 0) { changed |= best != assigned[p]; assigned[p] = best; }
            }
            centroids = Enumerable.Range(0, k).Select(c => Mean(unit.Where((_, p) => assigned[p] == c).ToList(), centroids[c])).ToList();
            if (!changed && iteration > 0) break;
        }
        return Enumerable.Range(0, k)
            .Select(c => (Centroid: centroids[c], Members: Enumerable.Range(0, unit.Count).Where(p => assigned[p] == c).ToList()))
            .Where(t => t.Members.Count > 0)
            .Select(t => new TextTheme(
                Label(t.Centroid, terms),
                Math.Round((double)t.Members.Count / texts.Count, 4),
                t.Members.Select(p => points[p]).ToList(),
                t.Members.OrderByDescending(p => Dot(unit[p], t.Centroid)).ThenBy(p => p).Take(ExampleCount).Select(p => points[p]).ToList()))
            .OrderByDescending(t => t.Members.Count).ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToList();
    }

    private static string Label(Dictionary<int, double> centroid, TermVectors terms) =>
        string.Join(" / ", centroid.OrderByDescending(t => t.Value).ThenBy(t => terms.Terms[t.Key], StringComparer.Ordinal)
            .Take(3).Select(t => terms.Shown[t.Key]));

    // k-means++: each further centre is drawn with probability proportional to its cosine distance from the nearest one.
    private static List<Dictionary<int, double>> SeedCentroids(List<Dictionary<int, double>> unit, int k, Random random)
    {
        var centroids = new List<Dictionary<int, double>> { unit[random.Next(unit.Count)] };
        while (centroids.Count < k)
        {
            var distances = unit.Select(u => Math.Max(0, 1 - centroids.Max(c => Dot(u, c)))).ToList();
            var total = distances.Sum();
            if (total <= 0) break;
            var draw = random.NextDouble() * total;
            var chosen = 0;
            for (var acc = distances[0]; acc < draw && chosen < unit.Count - 1; acc += distances[++chosen]) { }
            centroids.Add(unit[chosen]);
        }
        while (centroids.Count < k) centroids.Add(centroids[^1]);
        return centroids;
    }

    private static int Nearest(Dictionary<int, double> point, List<Dictionary<int, double>> centroids)
    {
        int best = 0;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < centroids.Count; c++)
        {
            var score = Dot(point, centroids[c]);
            if (score > bestScore) (best, bestScore) = (c, score);
        }
        return best;
    }

    private static Dictionary<int, double> Mean(List<Dictionary<int, double>> members, Dictionary<int, double> previous)
    {
        if (members.Count == 0) return previous;
        var sum = new Dictionary<int, double>();
        foreach (var member in members)
            foreach (var (term, weight) in member) sum[term] = sum.GetValueOrDefault(term) + weight;
        return Normalised(sum);
    }

    private static Dictionary<int, double> Normalised(Dictionary<int, double> vector)
    {
        var norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        return norm == 0 ? vector : vector.ToDictionary(t => t.Key, t => t.Value / norm);
    }

    private static double Dot(Dictionary<int, double> a, Dictionary<int, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double sum = 0;
        foreach (var (term, weight) in a) if (b.TryGetValue(term, out var other)) sum += weight * other;
        return sum;
    }
}
