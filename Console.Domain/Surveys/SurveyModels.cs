using System.Text.Json.Serialization;

namespace Console.Domain.Surveys;

public static class QuestionKinds
{
    public const string Nps = "nps";
    public const string Csat = "csat";
    public const string Rating = "rating";
    public const string SingleChoice = "single_choice";
    public const string MultiChoice = "multi_choice";
    public const string Text = "text";
    public static readonly string[] All = [Nps, Csat, Rating, SingleChoice, MultiChoice, Text];

    public static bool HasOptions(string kind) => kind is SingleChoice or MultiChoice;

    /// <summary>The lowest and highest score of a scale question; NPS is 0–10, CSAT and rating 1–5.</summary>
    public static (int Min, int Max) Scale(string kind) => kind == Nps ? (0, 10) : (1, 5);
}

public static class SurveyStatus
{
    public const string Draft = "draft";
    public const string Open = "open";
    public const string Closed = "closed";
    public static readonly string[] All = [Draft, Open, Closed];
}

public static class SurveyTriggers
{
    public const string Manual = "manual";
    public const string AfterLiveSession = "after_live_session";
    public static readonly string[] All = [Manual, AfterLiveSession];
}

/// <summary>The survey refusal codes of API.md.</summary>
public static class SurveyRefusals
{
    public const string Closed = "survey_closed";
    public const string NotOpen = "survey_not_open";
    public const string AlreadyAnswered = "already_answered";
    public static readonly string[] All = [Closed, NotOpen, AlreadyAnswered];
}

/// <summary>A text in the console's two languages.</summary>
public sealed record LocalText(string? En = null, [property: JsonPropertyName("zh-Hans")] string? ZhHans = null)
{
    public string For(bool chinese) => (chinese ? ZhHans : En) ?? En ?? ZhHans ?? "";
}

public sealed record OptionInput(string? Value = null, LocalText? Text = null);

public sealed record QuestionInput(string? Key = null, string? Kind = null, LocalText? Text = null,
    IReadOnlyList<OptionInput?>? Options = null, bool? Required = null);

public sealed record TriggerInput(string? Kind = null, IReadOnlyList<string?>? CourseExternalIds = null, int? DelayMinutes = null);

public sealed record SurveyInput(string? Name = null, IReadOnlyList<QuestionInput?>? Questions = null, TriggerInput? Trigger = null,
    string? Status = null);

public sealed record SurveyOption(string Value, LocalText Text);

public sealed record SurveyQuestion(string Key, string Kind, LocalText Text, IReadOnlyList<SurveyOption> Options, bool Required);

public sealed record SurveyTrigger(string Kind, IReadOnlyList<string> CourseExternalIds, int DelayMinutes);

/// <summary>A survey with its questions in order; times UTC.</summary>
public sealed record Survey(long Id, string Name, string Status, SurveyTrigger Trigger, IReadOnlyList<SurveyQuestion> Questions,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? AnalysedAt);
