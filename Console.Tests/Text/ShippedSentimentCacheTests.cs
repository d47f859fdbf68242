using Console.Domain.Text;
using Console.Tests.Support;

namespace Console.Tests.Text;

public sealed class ShippedSentimentCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-cache-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_cached_model_loads_with_the_same_scores_and_figures_as_the_trained_one()
    {
        var cache = new ShippedSentimentCache(_directory);
        var trained = cache.GetOrTrain(SentimentLabels.Chinese);
        Assert.True(File.Exists(cache.PathOf(SentimentLabels.Chinese)));

        var loaded = new ShippedSentimentCache(_directory).GetOrTrain(SentimentLabels.Chinese);

        Assert.NotSame(trained.Model, loaded.Model);
        Assert.Equal(trained.Metrics, loaded.Metrics);
        string[] texts = ["老师讲得非常好，内容很实用", "直播一直卡顿，太失望了"];
        Assert.Equal(trained.Model.Probabilities(texts), loaded.Model.Probabilities(texts));
    }

    [Fact]
    public void A_file_cut_short_is_replaced_instead_of_read()
    {
        var cache = new ShippedSentimentCache(_directory);
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(cache.PathOf(SentimentLabels.English), [1, 2, 3]);

        var model = cache.GetOrTrain(SentimentLabels.English);

        Assert.Equal(SentimentTrainer.Shipped(SentimentLabels.English).Metrics, model.Metrics);
        Assert.True(new FileInfo(cache.PathOf(SentimentLabels.English)).Length > 1000);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
