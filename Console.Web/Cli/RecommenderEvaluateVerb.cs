using System.Globalization;
using System.Text.Json;
using Console.Domain.Recommendations;

namespace Console.Web.Cli;

/// <summary>recommender evaluate --train F --test F [--k 10] [--min-rating R] [--json]: offline ranking quality of every recommender.</summary>
internal static class RecommenderEvaluateVerb
{
    private const string Usage =
        "usage: recommender evaluate --train F --test F [--k 10] [--min-rating R] [--json]\n" +
        "  --train       ratings to train on: 'user item rating [timestamp]' per line, tab- or comma-separated, header optional\n" +
        "  --test        ratings to rank, in the same format\n" +
        "  --k           list length (default 10)\n" +
        "  --min-rating  a test rating at least this is relevant (default 4)\n" +
        "  --json        print the figures as JSON";

    public static async Task<int> RunAsync(CliContext cli)
    {
        if (cli.Args.Get("help") is not null)
        {
            await cli.Out.WriteLineAsync(Usage);
            return 0;
        }
        var errors = new List<string>();
        if (cli.Args.Positional is not ["evaluate"]) errors.Add("the only recommender verb is 'evaluate'.");
        var (trainPath, testPath) = (cli.Args.Get("train"), cli.Args.Get("test"));
        if (trainPath is null or "true") errors.Add("--train FILE is required.");
        if (testPath is null or "true") errors.Add("--test FILE is required.");
        var (k, kError) = cli.Args.GetInt("k", 10, 1, 1000);
        if (kError is not null) errors.Add(kError);
        var minText = cli.Args.Get("min-rating");
        var minRating = 4.0;
        if (minText is not null && (!double.TryParse(minText, NumberStyles.Float, CultureInfo.InvariantCulture, out minRating) || !double.IsFinite(minRating)))
            errors.Add($"--min-rating must be a number such as 4 or 3.5; got '{minText}'.");
        if (errors.Count == 0)
        {
            var train = RatingFile.Read(trainPath!);
            var test = RatingFile.Read(testPath!);
            errors.AddRange(new[] { train.Error, test.Error }.OfType<string>());
            if (errors.Count == 0)
            {
                var outcome = EvaluateRatings.Execute(new EvaluateRatings.Command(train.Ratings, test.Ratings, k, minRating));
                if (outcome.TestUsers == 0)
                {
                    await cli.Error.WriteLineAsync($"error: no test rating is at least {minRating.ToString(CultureInfo.InvariantCulture)}, so nothing is relevant to rank.");
                    return 1;
                }
                await (cli.Args.Get("json") is not null ? WriteJson(cli.Out, outcome, k, minRating) : WriteTable(cli.Out, outcome, k, minRating));
                return 0;
            }
        }
        foreach (var error in errors) await cli.Error.WriteLineAsync($"error: {error}");
        await cli.Error.WriteLineAsync(Usage);
        return 1;
    }

    private static async Task WriteTable(TextWriter output, EvaluateRatings.Outcome outcome, int k, double minRating)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c,
            $"train: {outcome.TrainRatings:N0} ratings, {outcome.Users:N0} users, {outcome.Items:N0} items; test: {outcome.TestRatings:N0} ratings, " +
            $"{outcome.TestUsers:N0} users with an item rated at least {minRating}"));
        await output.WriteLineAsync($"{"recommender",-14}{"precision@" + k,14}{"recall@" + k,12}{"ndcg@" + k,10}{"coverage",10}{"p@k vs pop",12}{"train s",9}");
        var baseline = outcome.Metrics[0].Precision;
        foreach (var m in outcome.Metrics)
            await output.WriteLineAsync(string.Create(c,
                $"{m.Recommender,-14}{m.Precision,14:F4}{m.Recall,12:F4}{m.Ndcg,10:F4}{m.Coverage,10:F4}{(baseline > 0 ? (m.Precision / baseline).ToString("F2", c) + "x" : "-"),12}{m.TrainSeconds,9:F2}"));
    }

    private static Task WriteJson(TextWriter output, EvaluateRatings.Outcome outcome, int k, double minRating) =>
        output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            k,
            minRating,
            trainRatings = outcome.TrainRatings,
            testRatings = outcome.TestRatings,
            users = outcome.Users,
            items = outcome.Items,
            testUsers = outcome.TestUsers,
            recommenders = outcome.Metrics.Select(m => new
            {
                name = m.Recommender, precision = m.Precision, recall = m.Recall, ndcg = m.Ndcg, coverage = m.Coverage, trainSeconds = m.TrainSeconds,
            }),
        }, JsonSerializerOptions.Web));
}
