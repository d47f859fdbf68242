using System.Text.Json;
using Console.Domain.Surveys;

namespace Console.Tests.Surveys;

/// <summary>NPS and its interval against Reference/nps_reference.py, whose output for Reference/nps_scores.csv is committed beside it.</summary>
public sealed class NpsReferenceTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, "Console.Tests", "Surveys", "Reference");

    [Fact]
    public void Nps_and_its_interval_match_the_python_reference_for_every_fixture_group()
    {
        var scores = File.ReadAllLines(Path.Combine(Folder, "nps_scores.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).GroupBy(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "nps_expected.json"))).RootElement;
        var groups = 0;
        foreach (var group in scores)
        {
            var want = expected.GetProperty(group.Key);
            var got = NpsMath.Of(group);
            Assert.Equal(want.GetProperty("responses").GetInt32(), got.Responses);
            Assert.Equal(want.GetProperty("promoters").GetInt32(), got.Promoters);
            Assert.Equal(want.GetProperty("detractors").GetInt32(), got.Detractors);
            Assert.Equal(want.GetProperty("score").GetDouble(), got.Score, 9);
            Assert.Equal(want.GetProperty("ciLow").GetDouble(), got.CiLow, 9);
            Assert.Equal(want.GetProperty("ciHigh").GetDouble(), got.CiHigh, 9);
            groups++;
        }
        Assert.Equal(expected.EnumerateObject().Count(), groups);
        Assert.True(groups >= 5);
    }

    [Theory]
    [InlineData(0, "detractor")]
    [InlineData(6, "detractor")]
    [InlineData(7, "passive")]
    [InlineData(8, "passive")]
    [InlineData(9, "promoter")]
    [InlineData(10, "promoter")]
    public void A_score_falls_in_its_category(int score, string category) => Assert.Equal(category, NpsMath.Category(score));
}
