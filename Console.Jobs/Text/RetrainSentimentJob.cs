using Console.Domain.Text;
using Hangfire;

namespace Console.Jobs.Text;

/// <summary>Weekly: folds marketers' sentiment corrections into a new model and keeps it only if it is not worse. Safe to rerun.</summary>
public sealed class RetrainSentimentJob(RetrainSentiment retrain)
{
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(3600)]
    public async Task<string> ExecuteAsync(CancellationToken ct)
    {
        var results = await retrain.ExecuteAsync(ct);
        return results.Count == 0
            ? "no new corrections"
            : string.Join("; ", results.Select(r => $"{r.Language} v{r.Version} {r.Outcome}: accuracy {r.Candidate.Accuracy:F3} against {r.Compared?.Accuracy:F3}"));
    }
}
