using System.Text.Json;
using Console.Tests.Support;
using Console.Web.Cli;

namespace Console.Tests.Recommendations;

/// <summary>
/// Files/tiny.train.tsv (tab, header, timestamps) and Files/tiny.test.csv (comma, no header) by hand. Training counts
/// every rating as interest 1: u1 {a,b}, u2 {a,b,c}, u3 {c,d,e}, u4 {a,d}; u5 is unknown. Popularity a=3, b=c=d=2, e=1;
/// ties go to the lower key. Relevant (test rating ≥ 4): u1 {c}, u2 {d}, u3 {a,b}, u4 {c} (b is a 3), u5 {a}.
/// Cosine similarity of item columns: ab 2/√6 = .8165, ac = ad = 1/√6 = .4082, bc = cd = 1/2, ce = de = 1/√2 = .7071.
///
/// k = 2. Popularity: u1 [c,d] 1 hit @1; u2 [d,e] @1; u3 [a,b] 2 hits; u4 [b,c] hit @2; u5 [a,b] @1.
///   precision (.5+.5+1+.5+.5)/5 = .6; recall 1; NDCG (1+1+1+1/log2 3+1)/5 = (4 + .63093)/5 = .92619; coverage 5/5 = 1.
/// Co-occurrence: u1 c .9082, d .4082 → [c,d]; u2 d .9082, e .7071 → [d,e]; u3 a .8165, b .5 → [a,b];
///   u4 c .9082, b .8165, e .7071 → [c,b] hit @1; u5 has no history → popularity order [a,b].
///   precision .6; recall 1; NDCG 1; coverage 1.
/// k = 1. Popularity: u1 c ✓, u2 d ✓, u3 a ✓ (1 of 2), u4 b ✗, u5 a ✓: precision 4/5 = .8, recall (1+1+.5+0+1)/5 = .7,
///   NDCG .8, coverage {a,b,c,d} 4/5 = .8. Co-occurrence: u4 gets c ✓: precision 1, recall .9, NDCG 1, coverage {a,c,d} = .6.
/// </summary>
public sealed class RecommenderEvaluateVerbTests
{
    private static readonly string Train = Path.Combine(Repo.Root, "Console.Tests", "Recommendations", "Files", "tiny.train.tsv");
    private static readonly string Test = Path.Combine(Repo.Root, "Console.Tests", "Recommendations", "Files", "tiny.test.csv");

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliVerbs.RunAsync(["recommender", "evaluate", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData(2, "popularity", 0.6, 1.0, 0.92619, 1.0)]
    [InlineData(2, "cooccurrence", 0.6, 1.0, 1.0, 1.0)]
    [InlineData(1, "popularity", 0.8, 0.7, 0.8, 0.8)]
    [InlineData(1, "cooccurrence", 1.0, 0.9, 1.0, 0.6)]
    public async Task Prints_the_hand_computed_metrics(int k, string recommender, double precision, double recall, double ndcg, double coverage)
    {
        var (code, output, error) = await Run("--train", Train, "--test", Test, "--k", k.ToString(), "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(10, json.RootElement.GetProperty("trainRatings").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("testUsers").GetInt32());
        var row = json.RootElement.GetProperty("recommenders").EnumerateArray().Single(r => r.GetProperty("name").GetString() == recommender);
        Assert.Equal(precision, row.GetProperty("precision").GetDouble(), 4);
        Assert.Equal(recall, row.GetProperty("recall").GetDouble(), 4);
        Assert.Equal(ndcg, row.GetProperty("ndcg").GetDouble(), 4);
        Assert.Equal(coverage, row.GetProperty("coverage").GetDouble(), 4);
    }

    [Fact]
    public async Task Prints_a_table_with_every_recommender_and_the_baseline()
    {
        var (code, output, _) = await Run("--train", Train, "--test", Test, "--k", "2", "--min-rating", "4");

        Assert.Equal(0, code);
        Assert.Contains("precision@2", output);
        Assert.Contains("recall@2", output);
        Assert.Contains("ndcg@2", output);
        Assert.Contains("coverage", output);
        Assert.Matches(@"popularity\s+0\.6000\s+1\.0000\s+0\.9262\s+1\.0000\s+1\.00x", output);
        Assert.Matches(@"cooccurrence\s+0\.6000\s+1\.0000\s+1\.0000", output);
        Assert.Matches(@"factors\s+0\.\d{4}", output);
    }

    [Fact]
    public async Task A_bad_file_exits_non_zero_and_names_the_line()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"ratings-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(bad, "user\titem\trating\nu1\ta\t5\nu1\tb\tfive\n");
        try
        {
            var badRating = await Run("--train", bad, "--test", Test);
            var missing = await Run("--train", Train, "--test", bad + ".none");
            var noArgs = await Run("--k", "0");

            Assert.Equal(1, badRating.Code);
            Assert.Contains(":3: the rating 'five' is not a number", badRating.Err);
            Assert.Equal(1, missing.Code);
            Assert.Contains("no such file", missing.Err);
            Assert.Equal(1, noArgs.Code);
            Assert.Contains("--train FILE is required", noArgs.Err);
            Assert.Contains("--k must be", noArgs.Err);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
