using Console.Domain.Surveys;
using Hangfire;

namespace Console.Jobs.Surveys;

/// <summary>
/// Every minute: a survey link for each ended live session of the courses a survey follows. The links live in our
/// tables, one per survey and session, so a lost, retried or repeated run never makes a second one.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 120)]
public sealed class CreateSessionLinksJob(CreateSessionLinks links)
{
    public Task<int> ExecuteAsync(CancellationToken ct) => links.RunAsync(ct);
}
