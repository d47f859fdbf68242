using System.Globalization;
using Console.Domain.Surveys;
using Console.Web.Ui;
using Hangfire;
using Microsoft.AspNetCore.Components;

namespace Console.Web.Components.Pages.Surveys;

/// <summary>
/// The results page's reads: the stored snapshot, a filtered view that SurveyResults sums on the thread pool while the
/// page shows a bar, and a refresh that the analysis job does while the page follows the progress it stores.
/// </summary>
public partial class SurveyResultsPage : IDisposable
{
    [Parameter] public long Id { get; set; }

    private Survey? _survey;
    private SurveyResultsAnswer? _results;
    private IReadOnlyList<AnsweredText> _answers = [];
    private IReadOnlyList<FilterChoice> _courses = [], _sessions = [];
    private IReadOnlyList<global::Console.Domain.Segments.SegmentChoice> _segments = [];
    private DateTime? _from, _to;
    private string? _course, _session;
    private long? _segment;
    private string _by = "course";
    private MarkupString _trend;
    private bool _refreshing, _loading;
    private double? _progress;
    private readonly CancellationTokenSource _leaving = new();

    /// <summary>Queues the analysis job for this survey and follows the progress it stores until its snapshot is newer; the work never runs on the circuit.</summary>
    private async Task RefreshAsync()
    {
        var before = (await Results.StateAsync(Id)).ComputedAt;
        var id = Id;
        Jobs.Enqueue<global::Console.Jobs.Surveys.AnalyseSurveysJob>(j => j.ExecuteSurveyAsync(id, CancellationToken.None));
        _refreshing = true;
        _progress = null;
        try
        {
            for (var i = 0; i < 300 && !_leaving.IsCancellationRequested; i++)
            {
                await Task.Delay(1000, _leaving.Token);
                var state = await Results.StateAsync(Id, _leaving.Token);
                _progress = state.Progress;
                if (state.ComputedAt is { } at && at != before && state.Progress is null)
                {
                    _survey = await Surveys.FindAsync(Id, _leaving.Token);
                    await LoadAsync();
                    break;
                }
                StateHasChanged();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _refreshing = false;
        }
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        _survey = await Surveys.FindAsync(Id);
        (_courses, _sessions) = await Results.ChoicesAsync(Id);
        _segments = await Segments.ListAsync();
        await LoadAsync();
    }

    private async Task ByAsync(string? by)
    {
        _by = by ?? "course";
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var filter = new ResultsFilter(_from is { } f ? DateOnly.FromDateTime(f) : null, _to is { } t ? DateOnly.FromDateTime(t) : null, _course, _session, _by,
            _segment);
        // A filtered view is summed by SurveyResults on the thread pool; the circuit only awaits it, with the bar shown meanwhile.
        _loading = true;
        try
        {
            _results = await Results.ReadAsync(Id, filter, _leaving.Token);
            _answers = await Answers.ReadAsync(Id, 20);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            _loading = false;
        }
        if (_results is { Trend.Count: > 1 } r)
        {
            var culture = CultureInfo.CurrentCulture;
            // A survey without an NPS question (CSAT, choices, text) has no promoters to chart: its daily responses instead.
            _trend = SvgCharts.Responsive(width => SvgCharts.Line(r.Nps.Responses > 0
                ?
                [
                    new(S["Surveys.Category.promoter"], r.Trend.Select(p => p.NpsResponses == 0 ? 0 : 100.0 * p.Promoters / p.NpsResponses).ToList()),
                    new(S["Surveys.Category.detractor"], r.Trend.Select(p => p.NpsResponses == 0 ? 0 : 100.0 * p.Detractors / p.NpsResponses).ToList()),
                ]
                : [new(S["Surveys.Results.Responses"], r.Trend.Select(p => (double)p.Responses).ToList())],
                r.Trend.Select(p => p.Day.ToString(Chinese ? "M/d" : "MMM d", culture)).ToList(), ChartFormat.Counts(culture), 240, width));
        }
    }
}
