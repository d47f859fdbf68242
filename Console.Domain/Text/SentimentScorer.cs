namespace Console.Domain.Text;

/// <summary>
/// The scorer the API and the surveys call. It serves the active model of each language from the database; where a
/// language has none yet it takes the model of the shipped text (from the machine's cache, else trained) and stores it
/// as version 1, so a restart loads instead of training. It looks for a newer active model (a retraining on any node)
/// at most once a minute.
/// </summary>
public sealed class SentimentScorer(SentimentModelStore store, TimeProvider clock, ShippedSentimentCache? shipped = null) : ISentimentScorer
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _loaded;

    private sealed record Loaded(IReadOnlyDictionary<string, SentimentModel> Models, IReadOnlyList<long> Ids, DateTimeOffset CheckedAt);

    public IReadOnlyList<SentimentScore> Score(IReadOnlyList<string> texts) => ScoreWith(Models(), texts);

    public async Task<IReadOnlyList<SentimentScore>> ScoreAsync(IReadOnlyList<string> texts, CancellationToken ct = default) =>
        ScoreWith(await ModelsAsync(ct), texts);

    /// <summary>Drops the loaded models, so the next call reads the active ones again.</summary>
    public void Reload() => _loaded = null;

    private static IReadOnlyList<SentimentScore> ScoreWith(IReadOnlyDictionary<string, SentimentModel> models, IReadOnlyList<string> texts)
    {
        var languages = texts.Select(t => TextLanguage.Detect(t ?? "")).ToList();
        var scores = new SentimentScore[texts.Count];
        foreach (var language in SentimentLabels.Languages)
        {
            var at = Enumerable.Range(0, texts.Count).Where(i => languages[i] == language && !string.IsNullOrWhiteSpace(texts[i])).ToList();
            var model = models[language];
            var positive = model.Probabilities(at.Select(i => texts[i]).ToList());
            for (var j = 0; j < at.Count; j++)
                scores[at[j]] = new SentimentScore(language, model.LabelOf(positive[j]), Math.Round(positive[j], 4));
        }
        for (var i = 0; i < scores.Length; i++) scores[i] ??= new SentimentScore(languages[i], SentimentLabels.Neutral, 0.5);
        return scores;
    }

    // Sync callers (Razor, use cases without a token) wait on a dedicated thread, never on a request thread's context.
    private IReadOnlyDictionary<string, SentimentModel> Models() =>
        _loaded is { } loaded && clock.GetUtcNow() - loaded.CheckedAt < RecheckEvery
            ? loaded.Models
            : Task.Run(() => ModelsAsync(CancellationToken.None)).GetAwaiter().GetResult();

    public async Task<IReadOnlyDictionary<string, SentimentModel>> ModelsAsync(CancellationToken ct)
    {
        var loaded = _loaded;
        if (loaded is not null && clock.GetUtcNow() - loaded.CheckedAt < RecheckEvery) return loaded.Models;
        await _loading.WaitAsync(ct);
        try
        {
            loaded = _loaded;
            if (loaded is not null && clock.GetUtcNow() - loaded.CheckedAt < RecheckEvery) return loaded.Models;
            var ids = await store.ActiveIdsAsync(ct);
            if (loaded is not null && ids.SequenceEqual(loaded.Ids))
            {
                _loaded = loaded with { CheckedAt = clock.GetUtcNow() };
                return loaded.Models;
            }
            var models = new Dictionary<string, SentimentModel>();
            foreach (var language in SentimentLabels.Languages) models[language] = await ActiveOrFirstAsync(language, ct);
            _loaded = new Loaded(models, await store.ActiveIdsAsync(ct), clock.GetUtcNow());
            return models;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<SentimentModel> ActiveOrFirstAsync(string language, CancellationToken ct)
    {
        if (await store.ActiveAsync(language, ct) is { } row)
            return SentimentModel.Load(language, await store.BytesAsync(row.Id, ct), row.NeutralLow, row.NeutralHigh);
        var trained = await Task.Run(() => shipped?.GetOrTrain(language) ?? SentimentTrainer.Shipped(language), ct);
        await store.AddAsync(trained, keep: true, compared: null, corrections: 0, correctionsThrough: 0, clock.GetUtcNow().UtcDateTime, ct);
        return trained.Model;
    }
}
