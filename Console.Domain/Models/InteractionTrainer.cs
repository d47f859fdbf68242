using System.Globalization;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Console.Domain.Models;

public sealed record InteractionOptions(int Days = 180, double HoldoutShare = 0.2, int BootstrapRounds = 100, double L2 = 0.01);

/// <summary>A weight with its bootstrap interval and the number of training slots where its feature was not zero.</summary>
public sealed record InteractionWeight(string Feature, double Weight, double Low, double High, int Support);

public sealed record InteractionReport(DateTime From, DateTime HoldoutFrom, DateTime To, int TrainSlots, int HoldoutSlots,
    IReadOnlyList<InteractionWeight> Weights);

/// <summary>
/// Fits the live-interaction model by SDCA (ML.NET's stochastic dual coordinate ascent, a linear model trained one
/// example at a time) on standardised slot features, each slot weighted by its viewers. The last HoldoutShare of the
/// sessions by start time are held out for R²; the bootstrap resamples whole training sessions, since slots of one
/// show are not independent.
/// </summary>
public sealed class InteractionTrainer(Db db, InteractionSlotReader reader, ModelRegistry registry) : IModelTrainer
{
    public string Kind => ModelKinds.Interaction;

    public InteractionOptions Options { get; init; } = new();

    public async Task<TrainingOutcome> TrainAsync(TrainingProgress progress, CancellationToken ct)
    {
        var o = Options;
        var end = await DataEndAsync(ct) ?? throw new InvalidOperationException("The store holds no live sessions to learn from.");
        var from = end.AddDays(-o.Days);
        await progress.ReportAsync("reading live sessions", 0.05, ct);
        var sessions = await reader.ReadAsync(from, end, ct);
        var cut = (int)Math.Round(sessions.Count * (1 - o.HoldoutShare));
        var train = sessions.Take(cut).ToList();
        var holdout = sessions.Skip(cut).ToList();
        var trainSlots = Usable(train);
        var holdoutSlots = holdout.SelectMany(s => s.Slots).ToList();
        if (trainSlots.Count < 20 || holdoutSlots.Count(s => s.Viewers >= InteractionModel.MinViewers) < 5)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Too few watched slots to learn from: {trainSlots.Count} for training, {holdoutSlots.Count} held out."));

        await progress.ReportAsync("fitting the linear model", 0.2, ct);
        var model = await FitAsync(train, o, round =>
            progress.ReportAsync($"bootstrap {round} of {o.BootstrapRounds}", 0.25 + 0.6 * round / o.BootstrapRounds, ct), ct);
        var (names, coefficients, support) = (model.Names, model.Coefficients, model.Support);

        await progress.ReportAsync("evaluating on held-out sessions", 0.9, ct);
        var r2 = model.RSquared(holdoutSlots);
        var metrics = new Dictionary<string, double>
        {
            ["r2_holdout"] = r2,
            ["r2_train"] = model.RSquared(trainSlots),
            ["rmse_holdout"] = Rmse(model, holdoutSlots),
            ["train_slots"] = trainSlots.Count,
            ["train_sessions"] = train.Count,
            ["holdout_sessions"] = holdout.Count,
        };
        for (var i = 0; i < names.Length; i++) metrics["w_" + names[i]] = coefficients[i];
        var weights = names.Select((n, i) =>
        {
            var (low, high) = model.Interval(i);
            return new InteractionWeight(n, coefficients[i], low, high, support[i]);
        }).ToList();
        var holdoutFrom = holdout.Count > 0 ? holdout[0].StartedAt : end;
        var report = new InteractionReport(from, holdoutFrom, end, trainSlots.Count, holdoutSlots.Count, weights);
        var comparison = await CompareWithActiveAsync(holdoutSlots, ct) with { EvaluatedFrom = holdoutFrom, EvaluatedTo = end };
        var options = new Dictionary<string, string>
        {
            ["trainer"] = "sdca",
            ["days"] = o.Days.ToString(CultureInfo.InvariantCulture),
            ["holdoutShare"] = o.HoldoutShare.ToString(CultureInfo.InvariantCulture),
            ["bootstrapRounds"] = o.BootstrapRounds.ToString(CultureInfo.InvariantCulture),
            ["l2"] = o.L2.ToString(CultureInfo.InvariantCulture),
            ["slotMinutes"] = InteractionSlotReader.SlotMinutes.ToString(CultureInfo.InvariantCulture),
        };
        return new TrainingOutcome(model.ToBytes(), new TrainingWindow(from, holdoutFrom), options, metrics, trainSlots.Count, comparison,
            JsonSerializer.Serialize(report, ModelRegistry.Json));
    }

    /// <summary>
    /// The model of the training sessions: SDCA on their watched slots, then once more on each bootstrap resample of
    /// whole sessions for the intervals. roundDone hears each finished resample by its number.
    /// </summary>
    public static async Task<InteractionModel> FitAsync(IReadOnlyList<SessionSlots> train, InteractionOptions o, Func<int, Task> roundDone,
        CancellationToken ct)
    {
        var trainSlots = Usable(train);
        var (coefficients, intercept) = Fit(trainSlots, o.L2);
        var bootstrap = new List<double[]>(o.BootstrapRounds);
        var intercepts = new List<double>(o.BootstrapRounds);
        var random = new Random(17);
        for (var round = 0; round < o.BootstrapRounds; round++)
        {
            ct.ThrowIfCancellationRequested();
            var resample = Enumerable.Range(0, train.Count).Select(_ => train[random.Next(train.Count)]).ToList();
            var slots = Usable(resample);
            if (slots.Count < 10) continue;
            var (c, b) = Fit(slots, o.L2);
            bootstrap.Add(c);
            intercepts.Add(b);
            await roundDone(round + 1);
        }
        var names = InteractionModel.FeatureNames;
        var support = Enumerable.Range(0, names.Length)
            .Select(i => trainSlots.Count(s => InteractionModel.Features(s)[i] != 0)).ToArray();
        return new InteractionModel(names, coefficients, intercept, [.. bootstrap], [.. intercepts], support, trainSlots.Count, train.Count,
            trainSlots.Average(s => (double)s.Viewers), train.Average(s => (double)s.UniqueViewers));
    }

    private static List<InteractionSlot> Usable(IEnumerable<SessionSlots> sessions) =>
        sessions.SelectMany(s => s.Slots).Where(s => s.Viewers >= InteractionModel.MinViewers).ToList();

    /// <summary>SDCA on standardised features; answers coefficients and intercept in the features' own units.</summary>
    private static (double[] Coefficients, double Intercept) Fit(List<InteractionSlot> slots, double l2)
    {
        var n = InteractionModel.FeatureNames.Length;
        var raw = slots.Select(InteractionModel.Features).ToList();
        var means = new double[n];
        var scales = new double[n];
        for (var i = 0; i < n; i++)
        {
            means[i] = raw.Average(x => x[i]);
            var variance = raw.Average(x => (x[i] - means[i]) * (x[i] - means[i]));
            scales[i] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }
        var ml = new MLContext(seed: 1);
        var examples = slots.Select((s, k) => new SlotExample
        {
            Label = (float)s.Conversion,
            Weight = s.Viewers,
            Features = raw[k].Select((v, i) => (float)((v - means[i]) / scales[i])).ToArray(),
        }).ToList();
        var fitted = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            LabelColumnName = nameof(SlotExample.Label),
            FeatureColumnName = nameof(SlotExample.Features),
            ExampleWeightColumnName = nameof(SlotExample.Weight),
            L2Regularization = (float)l2,
            L1Regularization = 0,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 50,
        }).Fit(ml.Data.LoadFromEnumerable(examples));
        var w = fitted.Model.Weights.ToArray();
        var coefficients = new double[n];
        var intercept = (double)fitted.Model.Bias;
        for (var i = 0; i < n; i++)
        {
            coefficients[i] = w[i] / scales[i];
            intercept -= w[i] * means[i] / scales[i];
        }
        return (coefficients, intercept);
    }

    private static double Rmse(InteractionModel model, IReadOnlyList<InteractionSlot> slots)
    {
        var used = slots.Where(s => s.Viewers >= InteractionModel.MinViewers).ToList();
        if (used.Count == 0) return double.NaN;
        var weights = used.Sum(s => (double)s.Viewers);
        return Math.Sqrt(used.Sum(s => s.Viewers * Math.Pow(s.Conversion - model.Predict(InteractionModel.Features(s)), 2)) / weights);
    }

    private async Task<ModelComparison> CompareWithActiveAsync(IReadOnlyList<InteractionSlot> holdout, CancellationToken ct)
    {
        var active = await registry.ActiveAsync(Kind, ct);
        var none = new ModelComparison("r2_holdout", HigherIsBetter: true, active?.Id, null, MinGain: 0.001);
        if (active is null || await registry.LoadBytesAsync(active.Id, ct) is not { } bytes) return none;
        InteractionModel model;
        try
        {
            model = InteractionModel.FromBytes(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            return none;
        }
        if (!model.Names.SequenceEqual(InteractionModel.FeatureNames)) return none;
        return none with
        {
            ActiveMetrics = new Dictionary<string, double> { ["r2_holdout"] = model.RSquared(holdout), ["rmse_holdout"] = Rmse(model, holdout) },
        };
    }

    /// <summary>The day after the last finished show: the end of the training data.</summary>
    public async Task<DateTime?> DataEndAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var last = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT MAX(started_at) FROM live_sessions WHERE ended_at IS NOT NULL", cancellationToken: ct));
        return last is { } t ? t.Date.AddDays(1) : null;
    }

    private sealed class SlotExample
    {
        public float Label { get; set; }

        public float Weight { get; set; }

        [VectorType(7)]
        public float[] Features { get; set; } = [];
    }
}
