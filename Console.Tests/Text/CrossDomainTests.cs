using Console.Domain.Text;
using Xunit.Abstractions;

namespace Console.Tests.Text;

/// <summary>English trained on one review domain and scored on the other: a floor well above chance, and the figures in the log.</summary>
public sealed class CrossDomainTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("amazon", "imdb")]
    [InlineData("imdb", "amazon")]
    public void A_model_of_one_domain_still_reads_the_other(string train, string test)
    {
        var (accuracy, macroF1, baseline, baselineF1) = SentimentTrainer.CrossDomain(train, test);
        output.WriteLine($"{train} -> {test}: accuracy {accuracy:F4}, macro-F1 {macroF1:F4}; VADER {baseline:F4} / {baselineF1:F4}");
        Assert.True(accuracy >= 0.65, $"{accuracy:F4}");
    }
}
