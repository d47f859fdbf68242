using Console.Domain.Surveys;
using Hangfire;

namespace Console.Jobs.Surveys;

/// <summary>
/// Every minute: analyses the surveys that have new responses (sentiment, themes, groups) and stores the figures the
/// results page and API read. The work is found from the analysed flag of our responses, so a retry repeats nothing.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class AnalyseSurveysJob(AnalyseSurveys analyse)
{
    public Task<int> ExecuteAsync(CancellationToken ct) => analyse.RunAsync(ct);

    /// <summary>One survey, analysed again at a marketer's request.</summary>
    public Task ExecuteSurveyAsync(long surveyId, CancellationToken ct) => analyse.AnalyseAsync(surveyId, ct);
}
