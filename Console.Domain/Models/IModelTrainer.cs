namespace Console.Domain.Models;

/// <summary>
/// Trains one kind of model: reads the store, fits a candidate, evaluates it and the active model (if any) on the same
/// later window, and answers both sets of figures. <see cref="TrainModel"/> stores the candidate and promotes it only
/// when <see cref="ModelComparison"/> says it is better.
/// </summary>
public interface IModelTrainer
{
    string Kind { get; }

    Task<TrainingOutcome> TrainAsync(TrainingProgress progress, CancellationToken ct);
}

/// <summary>What a training run produced, ready to be stored as a candidate.</summary>
public sealed record TrainingOutcome(
    byte[] Model,
    TrainingWindow Window,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyDictionary<string, double> Metrics,
    int Rows,
    ModelComparison Comparison,
    string? ReportJson = null);

/// <summary>
/// How a candidate is judged against the active model: one figure, which way is better, by at least MinGain, and the
/// active model's figures on the candidate's own evaluation window, [EvaluatedFrom, EvaluatedTo). ActiveMetrics is null
/// when there was no active model or it could not be evaluated there; then its stored figures, from its own older
/// window, are all there is to compare with.
/// </summary>
public sealed record ModelComparison(string Metric, bool HigherIsBetter, long? ActiveId,
    IReadOnlyDictionary<string, double>? ActiveMetrics, double MinGain = 0, DateTime? EvaluatedFrom = null, DateTime? EvaluatedTo = null)
{
    public bool Better(IReadOnlyDictionary<string, double> candidate, IReadOnlyDictionary<string, double> active)
    {
        if (!candidate.TryGetValue(Metric, out var c) || double.IsNaN(c)) return false;
        if (!active.TryGetValue(Metric, out var a) || double.IsNaN(a)) return true;
        return HigherIsBetter ? c > a + MinGain : c < a - MinGain;
    }
}
