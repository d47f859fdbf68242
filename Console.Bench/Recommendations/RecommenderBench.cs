using Console.Web.Cli;

namespace Console.Bench.Recommendations;

/// <summary>
/// recommender [synthetic|latency|training]: ranking quality on a planted-taste rating set, training time per recommender
/// on the demo store, and the median latency of the recommendations API from its in-memory model.
/// </summary>
internal static class RecommenderBench
{
    public static async Task RunAsync(string[] args)
    {
        var part = args.FirstOrDefault() ?? "all";
        if (part is "all" or "synthetic") await SyntheticAsync();
    }

    private static async Task SyntheticAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "console-bench-ratings");
        var (train, test) = SyntheticRatings.Write(directory, new SyntheticRatings.Options());
        System.Console.WriteLine($"recommender synthetic: {train}, {test}");
        var code = await CliVerbs.RunAsync(["recommender", "evaluate", "--train", train, "--test", test]);
        if (code != 0) throw new InvalidOperationException($"recommender evaluate exited {code}.");
    }
}
