using System.Globalization;

namespace Console.Bench.Recommendations;

/// <summary>
/// A MovieLens-sized rating set with planted taste: items belong to genres and have a long-tailed pull, each user favours
/// two genres, picks items by pull times taste and rates favoured genres higher. Each user's latest fifth is the test.
/// </summary>
internal static class SyntheticRatings
{
    public sealed record Options(int Users = 1000, int Items = 1600, int Genres = 20, double MeanRatings = 90, double TasteLift = 15, int Seed = 7);

    public static (string Train, string Test) Write(string directory, Options options)
    {
        Directory.CreateDirectory(directory);
        var rng = new Random(options.Seed);
        var genre = Enumerable.Range(0, options.Items).Select(_ => rng.Next(options.Genres)).ToArray();
        // Zipf-like pull: a few blockbusters, a long tail.
        var pull = Enumerable.Range(0, options.Items).Select(i => 1.0 / Math.Pow(1 + rng.Next(options.Items), 0.8)).ToArray();
        var rows = new List<(int User, int Item, int Rating, long Time)>();
        for (var u = 0; u < options.Users; u++)
        {
            var (first, second) = (rng.Next(options.Genres), rng.Next(options.Genres));
            var weights = new double[options.Items];
            var total = 0.0;
            for (var i = 0; i < options.Items; i++)
                total += weights[i] = pull[i] * (genre[i] == first || genre[i] == second ? options.TasteLift : 1);
            var count = Math.Clamp((int)Math.Round(options.MeanRatings * Math.Exp(0.7 * Normal(rng) - 0.245)), 20, options.Items / 2);
            var taken = new HashSet<int>();
            var start = rng.NextInt64(880_000_000, 890_000_000);
            while (taken.Count < count)
            {
                var x = rng.NextDouble() * total;
                var i = 0;
                while (i < options.Items - 1 && (x -= weights[i]) > 0) i++;
                if (!taken.Add(i)) continue;
                var liked = genre[i] == first || genre[i] == second;
                var rating = Math.Clamp((int)Math.Round(3 + (liked ? 1.0 : -0.3) + 0.9 * Normal(rng)), 1, 5);
                rows.Add((u + 1, i + 1, rating, start + taken.Count * rng.NextInt64(600, 86_400)));
            }
        }
        // Each user's latest fifth is held out, as a store's time-split hold-out holds out what its customers did last.
        var split = rows.GroupBy(r => r.User).SelectMany(g =>
        {
            var ordered = g.OrderBy(r => r.Time).ToList();
            var cut = (int)Math.Round(ordered.Count * 0.8);
            return ordered.Select((r, i) => (Row: r, Test: i >= cut));
        }).ToList();
        var train = Path.Combine(directory, "synthetic.train.tsv");
        var test = Path.Combine(directory, "synthetic.test.tsv");
        File.WriteAllLines(train, split.Where(s => !s.Test).Select(s => Line(s.Row)));
        File.WriteAllLines(test, split.Where(s => s.Test).Select(s => Line(s.Row)));
        return (train, test);

        static string Line((int User, int Item, int Rating, long Time) r) =>
            string.Create(CultureInfo.InvariantCulture, $"{r.User}\t{r.Item}\t{r.Rating}\t{r.Time}");
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
