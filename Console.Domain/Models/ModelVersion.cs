namespace Console.Domain.Models;

/// <summary>
/// One trained model of a kind: the window it learnt from, its options, its figures on its evaluation window and the
/// figures of the model that was active then on that same window (ComparedMetrics), so a candidate that stayed a
/// candidate shows why. Report holds what a kind adds beyond scalar figures (calibration table, weights), as JSON.
/// </summary>
public sealed record ModelVersion(
    long Id,
    string Kind,
    int Version,
    string Status,
    DateTimeOffset TrainedAt,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyDictionary<string, double> Metrics,
    int Rows,
    long? ComparedWithId,
    IReadOnlyDictionary<string, double>? ComparedMetrics,
    DateTimeOffset? ActivatedAt,
    string? ReportJson)
{
    public bool IsActive => Status == ModelStatus.Active;
}

public static class ModelStatus
{
    public const string Candidate = "candidate";
    public const string Active = "active";
    public const string Retired = "retired";
}

/// <summary>The kinds the console trains; each has one <see cref="IModelTrainer"/>.</summary>
public static class ModelKinds
{
    public const string Propensity = "propensity";
    public const string Interaction = "interaction";
}

/// <summary>The span of time a model learnt from (features and labels both inside it).</summary>
public sealed record TrainingWindow(DateTime FromUtc, DateTime ToUtc);
