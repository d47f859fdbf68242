using Console.Domain.Data;
using Console.Domain.Text;
using Console.Tests.Support;

namespace Console.Tests.Text;

/// <summary>The weekly retraining on a real store: corrections that agree with the truth are kept, ones that fight it are rejected.</summary>
public sealed class RetrainSentimentTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly StatementRunner _runner;
    private readonly SentimentModelStore _models;
    private readonly SentimentScorer _scorer;
    private readonly RetrainSentiment _retrain;
    private readonly SaveSentimentCorrection _save;

    public RetrainSentimentTests()
    {
        _runner = new StatementRunner(_store.Db, new WriteGate(_store.Db));
        _models = new SentimentModelStore(_store.Db, _runner);
        _scorer = new SentimentScorer(_models, TimeProvider.System);
        _retrain = new RetrainSentiment(_store.Db, _models, _scorer, TimeProvider.System);
        _save = new SaveSentimentCorrection(_runner, TimeProvider.System);
    }

    [Fact]
    public async Task Corrections_that_agree_with_the_truth_give_a_model_that_is_kept()
    {
        foreach (var (text, label) in new[]
                 {
                     ("The lessons were clear and the examples were useful", "positive"),
                     ("Loved the live Q&A, the host answered every question", "positive"),
                     ("The course was a waste of money", "negative"),
                     ("Nobody answered my refund request", "negative"),
                 })
            Assert.IsType<SaveSentimentCorrection.Outcome.Saved>(await _save.ExecuteAsync(new(text, label, null), "marketer@test"));

        var results = await _retrain.ExecuteAsync();

        var en = Assert.Single(results);
        Assert.Equal(("en", "kept", 2), (en.Language, en.Outcome, en.Version));
        var rows = await _models.ListAsync();
        var active = rows.Single(r => r.Language == "en" && r.Status == "active");
        Assert.Equal(2, active.Version);
        Assert.Equal(4, active.Corrections);
        Assert.NotNull(active.ComparedAccuracy);
        Assert.Equal("retired", rows.Single(r => r.Language == "en" && r.Version == 1).Status);
        Assert.Empty(await _retrain.ExecuteAsync());
    }

    [Fact]
    public async Task Corrections_that_turn_the_training_labels_over_give_a_worse_model_that_is_rejected()
    {
        // Every English training sentence labelled the other way round: the model learns the opposite and scores far worse.
        foreach (var text in SentimentCorpus.For("en").Train)
            await _save.ExecuteAsync(new(text.Text, text.Positive ? "negative" : "positive", "test"), "marketer@test");

        var en = Assert.Single(await _retrain.ExecuteAsync());

        Assert.Equal("rejected", en.Outcome);
        var rows = await _models.ListAsync();
        var rejected = rows.Single(r => r.Language == "en" && r.Status == "rejected");
        Assert.True(rejected.Accuracy < rejected.ComparedAccuracy, $"{rejected.Accuracy} against {rejected.ComparedAccuracy}");
        Assert.Equal(1, rows.Single(r => r.Language == "en" && r.Status == "active").Version);
        Assert.Empty(await _retrain.ExecuteAsync());
    }

    [Fact]
    public async Task A_restart_loads_the_stored_model_instead_of_training()
    {
        var first = await _scorer.ScoreAsync(["课程很棒", "Awful sound"]);
        var rows = await _models.ListAsync();
        Assert.Equal(2, rows.Count);

        var restarted = new SentimentScorer(_models, TimeProvider.System);
        Assert.Equal(first, await restarted.ScoreAsync(["课程很棒", "Awful sound"]));
        Assert.Equal(2, (await _models.ListAsync()).Count);
    }

    [Fact]
    public async Task A_correction_needs_a_text_and_a_known_label()
    {
        var invalid = Assert.IsType<SaveSentimentCorrection.Outcome.Invalid>(await _save.ExecuteAsync(new(" ", "great", null), "m"));
        Assert.Equal(["text", "label"], invalid.Errors.Select(e => e.Field));
    }

    public void Dispose()
    {
        _runner.Dispose();
        _store.Dispose();
    }
}
