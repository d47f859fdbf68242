using Console.Domain.Experiments;

namespace Console.Web.Api;

/// <summary>An experiment's latest stored results; the hourly results job computes them, this only reads.</summary>
internal static class ExperimentsResultsApi
{
    /// <summary>computedAt is null, and variants empty, until the results job has run once for the experiment.</summary>
    public sealed record ResultsAnswer(string Experiment, string Status, string MetricKind, DateTimeOffset? ComputedAt, double Alpha,
        IReadOnlyList<VariantResult> Variants, SrmCheck? Srm, HoldoutResult? Holdout, IReadOnlyList<DailyPoint> Daily);

    public static async Task<IResult> ResultsAsync(string key, ExperimentSnapshots snapshots, CancellationToken ct)
    {
        if (await snapshots.LatestAsync(key, ct) is not { } read) return ExperimentsApi.NotFound(key);
        var e = read.Experiment;
        return TypedResults.Ok(read.Snapshot is { } s
            ? new ResultsAnswer(e.Key, e.Status, e.MetricKind, CouponCampaignsApi.Time(s.ComputedAt), s.Alpha, s.Variants, s.Srm, s.Holdout, s.Daily)
            : new ResultsAnswer(e.Key, e.Status, e.MetricKind, null, ResultsCalculator.Alpha, [], null, null, []));
    }
}
