using System.Globalization;
using System.Text.Json;
using Console.Domain.Data;

namespace Console.Domain.Surveys;

/// <summary>A theme's share of the responses with analysed text; its examples are read beside it from survey_themes.</summary>
public sealed record ThemeShare(string Label, int Count, double Share);

/// <summary>The figures of a set of analysed responses, with the groups of every grouping; what a snapshot stores.</summary>
public sealed record SurveyFigures(int Responses, NpsFigures Nps, double? Csat, IReadOnlyList<QuestionResult> Questions, SentimentShares Sentiment,
    IReadOnlyList<ThemeShare> Themes, IReadOnlyDictionary<string, IReadOnlyList<GroupResult>> Groups, IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// Sums analysed responses one at a time into the results figures. The snapshot job and a filtered read both use it, so
/// the two can never disagree; its memory grows with the days, groups and options seen, never with the responses.
/// Given segments, it also groups by segment: a response counts in every segment that holds its customer.
/// </summary>
public sealed class ResultsTally(Survey survey, IReadOnlyList<string> themeLabels, BusinessTime time, IReadOnlyList<SegmentGroup>? segments = null)
{
    private sealed class Counts
    {
        public int Rows, Promoters, Passives, Detractors, CsatAnswers, Satisfied, Positive, Neutral, Negative;

        public void Add(ResultRow r)
        {
            Rows++;
            if (r.NpsScore is { } nps)
            {
                if (nps >= 9) Promoters++;
                else if (nps >= 7) Passives++;
                else Detractors++;
            }
            if (r.CsatScore is { } csat)
            {
                CsatAnswers++;
                if (csat >= 4) Satisfied++;
            }
            if (r.Sentiment == "positive") Positive++;
            else if (r.Sentiment == "neutral") Neutral++;
            else if (r.Sentiment == "negative") Negative++;
        }

        public NpsFigures Nps => NpsMath.Of(Promoters, Passives, Detractors);

        public double? Csat => NpsMath.Csat(Satisfied, CsatAnswers);

        public SentimentShares Sentiment
        {
            get
            {
                var scored = Positive + Neutral + Negative;
                double Share(int n) => scored == 0 ? 0 : (double)n / scored;
                return new SentimentShares(scored, Share(Positive), Share(Neutral), Share(Negative));
            }
        }
    }

    private sealed class QuestionCounts
    {
        public int Answers;
        public long Sum;
        public int Numbers;
        public readonly Dictionary<string, int> Values = new(StringComparer.Ordinal);
    }

    private readonly Counts _all = new();
    private readonly Dictionary<string, Dictionary<(string Key, string Label), Counts>> _groups =
        (segments is null ? SurveyResults.Groupings : [.. SurveyResults.Groupings, SurveyResults.BySegment])
        .ToDictionary(g => g, _ => new Dictionary<(string, string), Counts>());
    private readonly SortedDictionary<DateOnly, Counts> _days = [];
    private readonly Dictionary<string, int> _themes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuestionCounts> _questions = survey.Questions.ToDictionary(q => q.Key, _ => new QuestionCounts(), StringComparer.Ordinal);
    private int _withText;

    public void Add(ResultRow r)
    {
        _all.Add(r);
        foreach (var (by, groups) in _groups)
        {
            if (by == SurveyResults.BySegment)
            {
                AddToSegments(r, groups);
                continue;
            }
            var key = GroupOf(r, by);
            if (!groups.TryGetValue(key, out var counts)) groups[key] = counts = new Counts();
            counts.Add(r);
        }
        var day = time.DayOf(r.SubmittedAt);
        if (!_days.TryGetValue(day, out var daily)) _days[day] = daily = new Counts();
        daily.Add(r);
        if (r.Sentiment is not null || r.Theme is not null) _withText++;
        if (r.Theme is not null) _themes[r.Theme] = _themes.GetValueOrDefault(r.Theme) + 1;
        AddAnswers(r.AnswersJson);
    }

    public SurveyFigures Finish() => new(_all.Rows, _all.Nps, _all.Csat, Questions(), _all.Sentiment,
        themeLabels.Select(l => new ThemeShare(l, _themes.GetValueOrDefault(l), _withText == 0 ? 0 : (double)_themes.GetValueOrDefault(l) / _withText)).ToList(),
        _groups.ToDictionary(g => g.Key, g => (IReadOnlyList<GroupResult>)g.Value
            .Select(x => new GroupResult(x.Key.Key, x.Key.Label, x.Value.Rows, x.Value.Nps, x.Value.Csat, x.Value.Sentiment))
            .OrderByDescending(x => x.Responses).ThenBy(x => x.Key, StringComparer.Ordinal).ToList(), StringComparer.Ordinal),
        _days.Select(d => (d.Key, d.Value.Rows, d.Value.Nps))
            .Select(x => new TrendPoint(x.Key, x.Rows, x.Nps.Responses == 0 ? null : x.Nps.Score, x.Nps.Promoters, x.Nps.Detractors, x.Nps.Responses)).ToList());

    private void AddToSegments(ResultRow r, Dictionary<(string Key, string Label), Counts> groups)
    {
        if (r.CustomerId is not { } customer) return;
        foreach (var segment in segments!.Where(s => s.Customers.Contains(customer)))
        {
            var key = (segment.Id.ToString(CultureInfo.InvariantCulture), segment.Name);
            if (!groups.TryGetValue(key, out var counts)) groups[key] = counts = new Counts();
            counts.Add(r);
        }
    }

    private static (string Key, string Label) GroupOf(ResultRow r, string by) => by switch
    {
        "course" => (r.CourseKey ?? "", r.CourseTitle ?? ""),
        "live_session" => (r.SessionKey ?? "", r.SessionTitle ?? ""),
        "channel" => (r.Channel ?? "", r.Channel ?? ""),
        "kol" => (r.Kol ?? "", r.Kol ?? ""),
        _ => r.Buyer == true ? ("buyer", "buyer") : ("non_buyer", "non_buyer"),
    };

    private void AddAnswers(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return;
        foreach (var q in survey.Questions)
        {
            if (!document.RootElement.TryGetProperty(q.Key, out var a)) continue;
            var counts = _questions[q.Key];
            counts.Answers++;
            switch (q.Kind)
            {
                case QuestionKinds.Nps or QuestionKinds.Csat or QuestionKinds.Rating when a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var v):
                    counts.Sum += v;
                    counts.Numbers++;
                    Count(counts, v.ToString(CultureInfo.InvariantCulture));
                    break;
                case QuestionKinds.SingleChoice when a.ValueKind == JsonValueKind.String:
                    Count(counts, a.GetString()!);
                    break;
                case QuestionKinds.MultiChoice when a.ValueKind == JsonValueKind.Array:
                    foreach (var value in a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Distinct())
                        Count(counts, value);
                    break;
            }
        }
    }

    private static void Count(QuestionCounts counts, string value) => counts.Values[value] = counts.Values.GetValueOrDefault(value) + 1;

    private List<QuestionResult> Questions() => survey.Questions.Select(q =>
    {
        var counts = _questions[q.Key];
        IReadOnlyList<string> values = q.Kind switch
        {
            QuestionKinds.Nps or QuestionKinds.Csat or QuestionKinds.Rating => Enumerable
                .Range(QuestionKinds.Scale(q.Kind).Min, QuestionKinds.Scale(q.Kind).Max - QuestionKinds.Scale(q.Kind).Min + 1)
                .Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList(),
            QuestionKinds.SingleChoice or QuestionKinds.MultiChoice => q.Options.Select(o => o.Value).ToList(),
            _ => [],
        };
        double? mean = counts.Numbers > 0 ? (double)counts.Sum / counts.Numbers : null;
        return new QuestionResult(q.Key, q.Kind, q.Text, counts.Answers,
            values.Select(v => new AnswerCount(v, counts.Values.GetValueOrDefault(v))).ToList(), mean);
    }).ToList();
}
