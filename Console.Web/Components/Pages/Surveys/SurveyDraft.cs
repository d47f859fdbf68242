using Console.Domain.Surveys;

namespace Console.Web.Components.Pages.Surveys;

/// <summary>The builder's editable copy of a survey; options are typed one per line as "value | English | 中文".</summary>
public sealed class SurveyDraft
{
    public sealed class Question
    {
        public string Key { get; set; } = "";
        public string Kind { get; set; } = QuestionKinds.Nps;
        public string En { get; set; } = "";
        public string Zh { get; set; } = "";
        public string Options { get; set; } = "";
        public bool Required { get; set; }
        public Guid Id { get; } = Guid.NewGuid();
    }

    public string Name { get; set; } = "";
    public string Status { get; set; } = SurveyStatus.Draft;
    public string Trigger { get; set; } = SurveyTriggers.Manual;
    public IEnumerable<string> Courses { get; set; } = [];
    public int DelayMinutes { get; set; } = 30;
    public List<Question> Questions { get; } = [];

    public static SurveyDraft From(Survey s)
    {
        var draft = new SurveyDraft
        {
            Name = s.Name, Status = s.Status, Trigger = s.Trigger.Kind, Courses = s.Trigger.CourseExternalIds, DelayMinutes = s.Trigger.DelayMinutes,
        };
        draft.Questions.AddRange(s.Questions.Select(q => new Question
        {
            Key = q.Key, Kind = q.Kind, En = q.Text.En ?? "", Zh = q.Text.ZhHans ?? "", Required = q.Required,
            Options = string.Join("\n", q.Options.Select(o => $"{o.Value} | {o.Text.En} | {o.Text.ZhHans}")),
        }));
        return draft;
    }

    public void Move(int index, int by)
    {
        var to = index + by;
        if (to < 0 || to >= Questions.Count) return;
        (Questions[index], Questions[to]) = (Questions[to], Questions[index]);
    }

    public SurveyInput Input(string? status = null) => new(Name,
        Questions.Select(q => new QuestionInput(q.Key.Trim(), q.Kind, new LocalText(q.En, q.Zh),
            QuestionKinds.HasOptions(q.Kind) ? ParseOptions(q.Options) : null, q.Required)).ToList(),
        new TriggerInput(Trigger, Trigger == SurveyTriggers.AfterLiveSession ? Courses.ToList() : [], DelayMinutes), status ?? Status);

    /// <summary>"value | English | 中文" per line; a line with one part uses it for all three.</summary>
    public static List<OptionInput?> ParseOptions(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            return (OptionInput?)new OptionInput(parts[0], new LocalText(parts.ElementAtOrDefault(1) ?? parts[0], parts.ElementAtOrDefault(2) ?? parts[0]));
        }).ToList();
}
