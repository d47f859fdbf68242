using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Console.Domain.Models;

/// <summary>How the propensity model is trained; the defaults are what the nightly job uses.</summary>
public sealed record PropensityOptions(int HorizonDays = 30, int LookbackDays = 90, int MaxCustomers = 6_000, int Trees = 100,
    int Leaves = 16, int MinLeafExamples = 50, double TreeLearningRate = 0.1, double L2 = 1.0);

/// <summary>The propensity model's report beyond its scalar figures: the models page draws it.</summary>
public sealed record PropensityReport(string Algorithm, DateTime TrainCutOff, DateTime EvaluationCutOff, DateTime EvaluationEnd,
    int TrainRows, int EvaluationRows, IReadOnlyList<CalibrationBin> Calibration, IReadOnlyList<FeatureWeight> Weights,
    double LinearSeconds, double TreesSeconds);

public sealed record FeatureWeight(string Feature, double Weight);

/// <summary>
/// Trains on pairs at one cut-off labelled by the next HorizonDays, and evaluates on pairs at the following cut-off
/// labelled by the horizon after it, which ends at the last order in the store: the evaluation window is later than
/// anything trained on. Logistic regression (L-BFGS) and gradient-boosted trees (FastTree) are both fitted; the one
/// with the higher AUC on the evaluation window is served, and the active model is scored on the same rows.
/// </summary>
public sealed class PropensityTrainer(Db db, PropensityFeatureReader reader, ModelRegistry registry) : IModelTrainer
{
    public string Kind => ModelKinds.Propensity;

    public PropensityOptions Options { get; init; } = new();

    public async Task<TrainingOutcome> TrainAsync(TrainingProgress progress, CancellationToken ct)
    {
        var o = Options;
        var end = await DataEndAsync(ct) ?? throw new InvalidOperationException("The store holds no orders to learn from.");
        var evalCut = end.AddDays(-o.HorizonDays);
        var trainCut = evalCut.AddDays(-o.HorizonDays);
        var lookback = TimeSpan.FromDays(o.LookbackDays);

        await progress.ReportAsync("reading the training window", 0.05, ct);
        var train = await reader.ReadAsync(trainCut, evalCut, lookback, o.MaxCustomers, ct);
        await progress.ReportAsync("reading the evaluation window", 0.25, ct);
        var test = await reader.ReadAsync(evalCut, end, lookback, o.MaxCustomers, ct);
        if (train.Count(r => r.Label) < 5 || test.Count(r => r.Label) < 5)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Too few purchases to learn from: {train.Count(r => r.Label)} in the training window, {test.Count(r => r.Label)} in the evaluation window."));

        await progress.ReportAsync("fitting logistic regression and boosted trees", 0.45, ct);
        var fitted = Fit(train, o);
        var (linearModel, treesModel, linearSeconds, treesSeconds) = (fitted.Linear, fitted.Trees, fitted.LinearSeconds, fitted.TreesSeconds);
        var header = linearModel.Parameters;

        await progress.ReportAsync("evaluating on the later window", 0.85, ct);
        var features = test.Select(r => r.Features).ToList();
        var labels = test.Select(r => r.Label).ToList();
        var linearScores = linearModel.Score(features);
        var treesScores = treesModel.Score(features);
        var linearAuc = ClassifierMetrics.Auc(linearScores, labels);
        var treesAuc = ClassifierMetrics.Auc(treesScores, labels);
        var (served, scores) = treesAuc > linearAuc ? (treesModel, treesScores) : (linearModel, linearScores);

        var metrics = new Dictionary<string, double>
        {
            ["auc"] = Math.Max(linearAuc, treesAuc),
            ["log_loss"] = ClassifierMetrics.LogLoss(scores, labels),
            ["top_decile_lift"] = ClassifierMetrics.TopDecileLift(scores, labels),
            ["base_rate"] = labels.Count(l => l) / (double)labels.Count,
            ["auc_linear"] = linearAuc,
            ["auc_trees"] = treesAuc,
            ["log_loss_linear"] = ClassifierMetrics.LogLoss(linearScores, labels),
            ["log_loss_trees"] = ClassifierMetrics.LogLoss(treesScores, labels),
            ["lift_linear"] = ClassifierMetrics.TopDecileLift(linearScores, labels),
            ["lift_trees"] = ClassifierMetrics.TopDecileLift(treesScores, labels),
            ["train_seconds_linear"] = linearSeconds,
            ["train_seconds_trees"] = treesSeconds,
        };
        var report = new PropensityReport(served.Algorithm, trainCut, evalCut, end, train.Count, test.Count,
            ClassifierMetrics.Calibration(scores, labels),
            header.Names.Select((n, i) => new FeatureWeight(n, header.Weights[i])).ToList(), linearSeconds, treesSeconds);

        await progress.ReportAsync("evaluating the active model", 0.9, ct);
        var comparison = await CompareWithActiveAsync(features, labels, ct) with { EvaluatedFrom = evalCut, EvaluatedTo = end };
        var options = new Dictionary<string, string>
        {
            ["algorithm"] = served.Algorithm,
            ["horizonDays"] = Text(o.HorizonDays),
            ["lookbackDays"] = Text(o.LookbackDays),
            ["maxCustomers"] = Text(o.MaxCustomers),
            ["trees"] = Text(o.Trees),
            ["leaves"] = Text(o.Leaves),
            ["minLeafExamples"] = Text(o.MinLeafExamples),
            ["treeLearningRate"] = Text(o.TreeLearningRate),
            ["l2"] = Text(o.L2),
            ["evaluationFrom"] = evalCut.ToString("O", CultureInfo.InvariantCulture),
            ["evaluationTo"] = end.ToString("O", CultureInfo.InvariantCulture),
        };
        return new TrainingOutcome(served.ToBytes(), new TrainingWindow(trainCut, evalCut), options, metrics, train.Count, comparison,
            JsonSerializer.Serialize(report, ModelRegistry.Json));
    }

    private async Task<ModelComparison> CompareWithActiveAsync(List<float[]> features, List<bool> labels, CancellationToken ct)
    {
        var active = await registry.ActiveAsync(Kind, ct);
        // A retrain must gain a thousandth of AUC to replace the active model: less is noise between runs.
        var none = new ModelComparison("auc", HigherIsBetter: true, active?.Id, null, MinGain: 0.001);
        if (active is null || await registry.LoadBytesAsync(active.Id, ct) is not { } bytes) return none;
        PropensityModel model;
        try
        {
            model = PropensityModel.FromBytes(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or InvalidOperationException or FormatException)
        {
            return none;
        }
        // A model built on another feature list cannot score these rows; it is judged by its stored figures.
        if (!model.Parameters.Names.SequenceEqual(PropensityFeatures.Names)) return none;
        var scores = model.Score(features);
        return none with
        {
            ActiveMetrics = new Dictionary<string, double>
            {
                ["auc"] = ClassifierMetrics.Auc(scores, labels),
                ["log_loss"] = ClassifierMetrics.LogLoss(scores, labels),
                ["top_decile_lift"] = ClassifierMetrics.TopDecileLift(scores, labels),
            },
        };
    }

    /// <summary>Both algorithms fitted on the training rows, with the seconds each fit took.</summary>
    public sealed record Fitted(PropensityModel Linear, PropensityModel Trees, double LinearSeconds, double TreesSeconds);

    /// <summary>Logistic regression and boosted trees on the same standardised rows; the trees share the linear header.</summary>
    public static Fitted Fit(IReadOnlyList<PropensityRow> train, PropensityOptions o)
    {
        var (means, scales) = Standardisation(train);
        var header = new PropensityModel.Header(PropensityModel.Linear, PropensityFeatures.Names, means, scales, [], 0);
        var scaler = new PropensityModel(header, null);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(train.Select(r => new PropensityExample { Label = r.Label, Features = scaler.Standardise(r.Features) }).ToList());
        var clock = Stopwatch.StartNew();
        var linear = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = (float)o.L2, L1Regularization = 0, MaximumNumberOfIterations = 200, NumberOfThreads = 1,
        }).Fit(data);
        var linearSeconds = clock.Elapsed.TotalSeconds;
        var parameters = linear.Model.SubModel;
        header = header with { Weights = parameters.Weights.ToArray(), Bias = parameters.Bias };

        clock.Restart();
        var trees = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = o.Trees, NumberOfLeaves = o.Leaves, MinimumExampleCountPerLeaf = o.MinLeafExamples,
            LearningRate = o.TreeLearningRate, Seed = 1, NumberOfThreads = 1,
        }).Fit(data);
        var treesSeconds = clock.Elapsed.TotalSeconds;

        return new Fitted(new PropensityModel(header, null), new PropensityModel(header with { Algorithm = PropensityModel.Trees }, trees),
            linearSeconds, treesSeconds);
    }

    /// <summary>The day after the last order: the end of the evaluation window.</summary>
    public async Task<DateTime?> DataEndAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var last = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition("SELECT MAX(paid_at) FROM orders", cancellationToken: ct));
        // Whole days keep the windows the same for every run on one day's data.
        return last is { } t ? t.Date.AddDays(1) : null;
    }

    private static (float[] Means, float[] Scales) Standardisation(IReadOnlyList<PropensityRow> rows)
    {
        var n = PropensityFeatures.Count;
        var means = new double[n];
        var squares = new double[n];
        foreach (var r in rows)
            for (var i = 0; i < n; i++) { means[i] += r.Features[i]; squares[i] += (double)r.Features[i] * r.Features[i]; }
        var scales = new float[n];
        for (var i = 0; i < n; i++)
        {
            means[i] /= rows.Count;
            var variance = squares[i] / rows.Count - means[i] * means[i];
            // A constant feature keeps scale 1: it then adds nothing, rather than dividing by zero.
            scales[i] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }
        return (means.Select(m => (float)m).ToArray(), scales);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
