using Console.Domain.Surveys;
using Hangfire;

namespace Console.Jobs.Surveys;

/// <summary>
/// Every minute: analyses the surveys that have new responses (sentiment, themes, groups) and stores each one's results
/// snapshot, which the results page and API read; then refreshes any other snapshot that is due. The work is found from
/// the analysed flag of our responses and the snapshots' times, so a retry repeats nothing and stores the same figures.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class AnalyseSurveysJob(AnalyseSurveys analyse)
{
    public Task<int> ExecuteAsync(CancellationToken ct) => analyse.RunAsync(ct);

    /// <summary>One survey, analysed again and its snapshot refreshed at a marketer's request; its progress is stored as it goes.</summary>
    public Task ExecuteSurveyAsync(long surveyId, CancellationToken ct) => analyse.AnalyseAsync(surveyId, ct);
}
