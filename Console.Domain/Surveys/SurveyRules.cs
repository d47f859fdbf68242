using System.Text.RegularExpressions;
using Console.Domain.Data;

namespace Console.Domain.Surveys;

/// <summary>Checks a survey definition field by field; answers the checked questions, or null with the errors filled in.</summary>
public static partial class SurveyRules
{
    public const int MaxQuestions = 50;
    public const int MaxOptions = 20;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 1000;
    public const int MaxOptionLength = 100;
    public const int MaxDelayMinutes = 7 * 24 * 60;

    public sealed record Checked(string Name, string Status, string TriggerKind, IReadOnlyList<string> CourseExternalIds, int DelayMinutes,
        IReadOnlyList<SurveyQuestion> Questions);

    public static Checked? Check(SurveyInput input, FieldErrors errors)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", FieldCodes.Required);
        else if (name.Length > MaxNameLength) errors.Add("name", FieldCodes.TooLong, MaxNameLength);
        var status = input.Status ?? SurveyStatus.Draft;
        if (!SurveyStatus.All.Contains(status)) errors.Add("status", FieldCodes.OneOf, string.Join(", ", SurveyStatus.All));
        var trigger = input.Trigger?.Kind ?? SurveyTriggers.Manual;
        if (!SurveyTriggers.All.Contains(trigger)) errors.Add("trigger.kind", FieldCodes.OneOf, string.Join(", ", SurveyTriggers.All));
        var courses = (input.Trigger?.CourseExternalIds ?? []).Select(c => c?.Trim() ?? "").Distinct().ToList();
        if (courses.Any(c => c.Length is 0 or > 100)) errors.Add("trigger.courseExternalIds", FieldCodes.ItemLength, 100);
        if (trigger == SurveyTriggers.AfterLiveSession && courses.Count == 0) errors.Add("trigger.courseExternalIds", FieldCodes.Required);
        var delay = input.Trigger?.DelayMinutes ?? 0;
        if (delay is < 0 or > MaxDelayMinutes) errors.Add("trigger.delayMinutes", FieldCodes.Between, 0, MaxDelayMinutes);
        var questions = Questions(input.Questions, errors);
        return errors.Valid ? new Checked(name!, status, trigger, courses, delay, questions) : null;
    }

    private static List<SurveyQuestion> Questions(IReadOnlyList<QuestionInput?>? inputs, FieldErrors errors)
    {
        var checkedQuestions = new List<SurveyQuestion>();
        if (inputs is null || inputs.Count == 0) { errors.Add("questions", FieldCodes.Required); return checkedQuestions; }
        if (inputs.Count > MaxQuestions) { errors.Add("questions", FieldCodes.TooManyItems, MaxQuestions); return checkedQuestions; }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var at = $"questions[{i}]";
            var q = inputs[i];
            if (q is null) { errors.Add(at, FieldCodes.Required); continue; }
            var key = q.Key?.Trim() ?? "";
            if (key.Length == 0) errors.Add($"{at}.key", FieldCodes.Required);
            else if (!KeyShape().IsMatch(key)) errors.Add($"{at}.key", FieldCodes.ChannelShape);
            else if (!keys.Add(key)) errors.Add($"{at}.key", FieldCodes.CodeTaken, key);
            var kind = q.Kind ?? "";
            if (!QuestionKinds.All.Contains(kind)) errors.Add($"{at}.kind", FieldCodes.OneOf, string.Join(", ", QuestionKinds.All));
            var text = Text(q.Text, $"{at}.text", MaxTextLength, errors);
            var options = Options(kind, q.Options, at, errors);
            checkedQuestions.Add(new SurveyQuestion(key, kind, text, options, q.Required ?? false));
        }
        return checkedQuestions;
    }

    private static List<SurveyOption> Options(string kind, IReadOnlyList<OptionInput?>? inputs, string at, FieldErrors errors)
    {
        var options = new List<SurveyOption>();
        if (!QuestionKinds.HasOptions(kind))
        {
            if (inputs is { Count: > 0 }) errors.Add($"{at}.options", FieldCodes.TooManyItems, 0);
            return options;
        }
        if (inputs is null || inputs.Count < 2) { errors.Add($"{at}.options", FieldCodes.AtLeast, 2); return options; }
        if (inputs.Count > MaxOptions) { errors.Add($"{at}.options", FieldCodes.TooManyItems, MaxOptions); return options; }
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < inputs.Count; j++)
        {
            var o = inputs[j];
            var value = o?.Value?.Trim() ?? "";
            if (value.Length is 0 or > MaxOptionLength) errors.Add($"{at}.options[{j}].value", FieldCodes.ItemLength, MaxOptionLength);
            else if (!values.Add(value)) errors.Add($"{at}.options[{j}].value", FieldCodes.CodeTaken, value);
            options.Add(new SurveyOption(value, Text(o?.Text, $"{at}.options[{j}].text", MaxOptionLength, errors)));
        }
        return options;
    }

    private static LocalText Text(LocalText? text, string at, int max, FieldErrors errors)
    {
        var en = text?.En?.Trim() ?? "";
        var zh = text?.ZhHans?.Trim() ?? "";
        if (en.Length == 0) errors.Add($"{at}.en", FieldCodes.Required);
        else if (en.Length > max) errors.Add($"{at}.en", FieldCodes.TooLong, max);
        if (zh.Length == 0) errors.Add($"{at}.zh-Hans", FieldCodes.Required);
        else if (zh.Length > max) errors.Add($"{at}.zh-Hans", FieldCodes.TooLong, max);
        return new LocalText(en, zh);
    }

    [GeneratedRegex("^[a-z0-9_]{1,50}$")]
    private static partial Regex KeyShape();
}
