using Console.Domain.Models;
using Hangfire;

namespace Console.Jobs.Models;

/// <summary>
/// Nightly, per kind: trains a candidate and promotes it only if it beats the active model. The kind's lease in
/// model_training keeps runs of one kind apart on every node, so a retried or overlapping run just returns.
/// </summary>
[AutomaticRetry(Attempts = 1, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class TrainModelJob(TrainModel train)
{
    public async Task<string> ExecuteAsync(string kind, CancellationToken ct) => await train.RunAsync(kind, ct) switch
    {
        TrainModel.Outcome.Trained t => $"{kind} v{t.Candidate.Version}: {(t.Promoted ? "promoted" : "kept as candidate")}",
        TrainModel.Outcome.AlreadyRunning => $"{kind}: already training elsewhere",
        TrainModel.Outcome.UnknownKind u => throw new InvalidOperationException($"No trainer for '{kind}'; known: {string.Join(", ", u.Known)}."),
        _ => throw new InvalidOperationException("Unexpected outcome."),
    };
}
