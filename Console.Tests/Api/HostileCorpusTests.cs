using System.Text;

namespace Console.Tests.Api;

/// <summary>The corpus itself: large enough, the same for the same seed, covering every kind of hostility, and honest to check against.</summary>
public sealed class HostileCorpusTests
{
    private static readonly Lazy<List<HostileRequest>> Default = new(() => Corpus(HostileCorpus.DefaultSeed));

    private static List<HostileRequest> Corpus(int seed) =>
        [.. HostileCorpus.Endpoints.SelectMany(e => HostileCorpus.For(e, seed, Known.Fresh))];

    [Fact]
    public void At_least_2000_requests_reach_every_endpoint_with_valid_and_hostile_cases()
    {
        var corpus = Default.Value;
        Assert.True(corpus.Count >= 2_000, $"{corpus.Count} requests");
        Assert.Equal(HostileCorpus.Endpoints, corpus.Select(r => r.Endpoint).Distinct());
        foreach (var endpoint in corpus.GroupBy(r => r.Endpoint))
        {
            // Health needs no key and takes any query, so its hostile cases must still answer 200.
            var hostile = endpoint.Count(r => r.Expect == Expect.Refused || r.Key != Key.Manage || r.Items?.Any(i => i.Verdict != Verdict.Valid) == true);
            Assert.True(hostile > endpoint.Count() / 2, $"{endpoint.Key}: {hostile} hostile cases of {endpoint.Count()}");
            if (!endpoint.Key.StartsWith("Methods", StringComparison.Ordinal))
                Assert.True(endpoint.Any(r => r.Expect is Expect.Ok or Expect.Redirect), $"{endpoint.Key} has no valid case");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_ones()
    {
        var first = Corpus(7);
        var again = Corpus(7);
        var other = Corpus(8);
        Assert.Equal(first.Count, again.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Path, again[i].Path);
            Assert.True(first[i].Body.AsSpan().SequenceEqual(again[i].Body), first[i].Describe(7));
        }
        Assert.Contains(Enumerable.Range(0, first.Count), i => !first[i].Body.AsSpan().SequenceEqual(other[i].Body));
    }

    [Theory]
    [InlineData("1e28")]
    [InlineData("1e400")]
    [InlineData("-1")]
    [InlineData("92233720368547758.07")]
    [InlineData("3 decimals")]
    [InlineData("time month 13")]
    [InlineData("no offset")]
    [InlineData("lone high surrogate")]
    [InlineData("raw byte FF")]
    [InlineData("raw invalid UTF-8")]
    [InlineData("nested arrays")]
    [InlineData("10,000 nested objects")]
    [InlineData("over 10 MB")]
    [InlineData("without a length")]
    [InlineData("unknown field couponCode")]
    [InlineData("an empty body")]
    [InlineData("not JSON")]
    [InlineData("null")]
    [InlineData("an object where an array belongs")]
    [InlineData("the valid body in an array")]
    [InlineData("a string where an array belongs")]
    [InlineData("duplicate key")]
    [InlineData("5,001 items")]
    [InlineData("UTF-16")]
    [InlineData("a number for text")]
    [InlineData("key Unknown")]
    public void The_corpus_holds(string kind) =>
        Assert.True(Default.Value.Any(r => r.Note.Contains(kind, StringComparison.Ordinal)), $"no case is '{kind}'");

    [Fact]
    public void Valid_bodies_carry_injection_text_that_must_be_stored_as_sent()
    {
        var valid = Default.Value.Where(r => r.Expect == Expect.Ok).Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
        Assert.Contains(valid, b => b.Contains("DROP TABLE", StringComparison.Ordinal));
        Assert.Contains(valid, b => b.Contains("<script>", StringComparison.Ordinal));
        Assert.Contains(valid, b => b.Contains("../../", StringComparison.Ordinal));
        Assert.Contains(valid, b => b.Contains("%s%s", StringComparison.Ordinal));
    }

    [Fact]
    public void The_leak_rules_flag_internals_but_not_the_text_a_client_sent()
    {
        foreach (var text in HostileValues.Injection.Concat(HostileValues.BadTimes.Select(t => t.Text)).Concat(PathCases.HostileSegments))
            Assert.Empty(ProblemRules.Leaks(text));
        Assert.NotEmpty(ProblemRules.Leaks("could not be converted to System.Nullable`1[System.Decimal]. Path: $.value"));
        Assert.NotEmpty(ProblemRules.Leaks("The JSON value could not be converted to Console.Domain.Coupons.CouponCampaignInput."));
        Assert.NotEmpty(ProblemRules.Leaks("   at Console.Web.Api.OrdersApi.CreateAsync(HttpRequest request)"));
        Assert.NotEmpty(ProblemRules.Leaks("SQLite Error 1: 'near \"x\": syntax error'."));
        Assert.NotEmpty(ProblemRules.Leaks("An OverflowException was thrown."));
    }
}
