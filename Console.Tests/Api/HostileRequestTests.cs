using System.Text;

namespace Console.Tests.Api;

/// <summary>
/// Thousands of seeded hostile requests, endpoint by endpoint, through the real HTTP pipeline with a manage key. No answer
/// is a 5xx; every 4xx is a problem document that names the field at fault and no internals; a refused request, a quote,
/// a check or a look-up leaves every table as it was; the valid items of a mixed batch are stored as sent.
/// A failure names its seed and case; HOSTILE_SEED replays or varies the corpus.
/// </summary>
public sealed class HostileRequestTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    public static TheoryData<string> Endpoints => new(HostileCorpus.Endpoints);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Hostile_requests_get_a_clean_refusal_and_change_nothing(string endpoint)
    {
        var seed = HostileCorpus.Seed;
        var requests = HostileCorpus.For(endpoint, seed, fixture.Known);
        var failures = new List<Failure>();
        foreach (var request in requests) failures.AddRange(await fixture.Runner.RunAsync(request, CancellationToken.None));
        Assert.True(failures.Count == 0, Report(endpoint, seed, requests.Count, failures));
    }

    /// <summary>Failures grouped by defect, the commonest first, each with the notes it was seen with and a few whole cases.</summary>
    private static string Report(string endpoint, int seed, int total, List<Failure> failures)
    {
        var text = new StringBuilder($"{failures.Select(f => f.Request.Case).Distinct().Count()} of {total} hostile requests to {endpoint} broke the contract:");
        foreach (var group in failures.GroupBy(f => f.Label).OrderByDescending(g => g.Count()))
        {
            var cases = group.Select(f => f.Request.Case).Distinct().Count();
            text.Append($"\n\n## {group.Key} ({cases} case{(cases == 1 ? "" : "s")})");
            var notes = group.Select(f => f.Request.Note).Distinct().Take(12).ToList();
            text.Append("\n   seen with: ").Append(string.Join(" · ", notes.Select(n => n.Length > 120 ? n[..120] + "…" : n)));
            foreach (var failure in group.DistinctBy(f => f.Request.Case).Take(3))
            {
                text.Append("\n   - ").Append(failure.Request.Describe(seed));
                if (failure.Detail.Length > 0) text.Append("\n     wrong: ").Append(failure.Detail);
                text.Append("\n     answer: ").Append(failure.Answer);
            }
        }
        return text.ToString();
    }
}
