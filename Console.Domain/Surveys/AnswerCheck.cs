using System.Text.Json;
using Console.Domain.Data;

namespace Console.Domain.Surveys;

/// <summary>
/// Checks answers against a survey's questions, each under "answers.{key}" so that a refusal names the question. Answers
/// come as JSON values: a whole number for nps, csat and rating, an option value for single_choice, an array of option
/// values for multi_choice, and text for text. An answer that is null, "" or [] counts as no answer.
/// </summary>
public static class AnswerCheck
{
    public const int MaxTextLength = 2000;

    public static Dictionary<string, JsonElement> Check(IReadOnlyList<SurveyQuestion> questions,
        IReadOnlyDictionary<string, JsonElement>? answers, FieldErrors errors)
    {
        var kept = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        answers ??= new Dictionary<string, JsonElement>();
        var byKey = questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        foreach (var key in answers.Keys.Where(k => !byKey.ContainsKey(k)))
            errors.Add($"answers.{key}", FieldCodes.OneOf, string.Join(", ", byKey.Keys));
        foreach (var q in questions)
        {
            var field = $"answers.{q.Key}";
            if (!answers.TryGetValue(q.Key, out var value) || Empty(value))
            {
                if (q.Required) errors.Add(field, FieldCodes.Required);
                continue;
            }
            if (Valid(q, value, field, errors)) kept[q.Key] = value.Clone();
        }
        return kept;
    }

    private static bool Empty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => value.GetString()!.Trim().Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static bool Valid(SurveyQuestion q, JsonElement value, string field, FieldErrors errors)
    {
        var before = errors.Count;
        switch (q.Kind)
        {
            case QuestionKinds.Nps or QuestionKinds.Csat or QuestionKinds.Rating:
                var (min, max) = QuestionKinds.Scale(q.Kind);
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var score) || score < min || score > max)
                    errors.Add(field, FieldCodes.Between, min, max);
                break;
            case QuestionKinds.SingleChoice:
                if (value.ValueKind != JsonValueKind.String || !q.Options.Any(o => o.Value == value.GetString()))
                    errors.Add(field, FieldCodes.OneOf, string.Join(", ", q.Options.Select(o => o.Value)));
                break;
            case QuestionKinds.MultiChoice:
                var chosen = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : null;
                if (chosen is null || chosen.Any(c => c.ValueKind != JsonValueKind.String || !q.Options.Any(o => o.Value == c.GetString())))
                    errors.Add(field, FieldCodes.OneOf, string.Join(", ", q.Options.Select(o => o.Value)));
                else if (chosen.Select(c => c.GetString()).Distinct().Count() != chosen.Count)
                    errors.Add(field, FieldCodes.TooManyItems, q.Options.Count);
                break;
            default:
                if (value.ValueKind != JsonValueKind.String) errors.Add(field, FieldCodes.ItemLength, MaxTextLength);
                else if (value.GetString()!.Length > MaxTextLength) errors.Add(field, FieldCodes.TooLong, MaxTextLength);
                break;
        }
        return errors.Count == before;
    }

    /// <summary>The first answer to a question of the kind, as a score; null when there is none.</summary>
    public static int? Score(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, JsonElement> answers, string kind) =>
        questions.Where(q => q.Kind == kind && answers.ContainsKey(q.Key)).Select(q => (int?)answers[q.Key].GetInt32()).FirstOrDefault();

    /// <summary>Every free-text answer of the response, joined, for sentiment and themes; null when it wrote none.</summary>
    public static string? FreeText(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var texts = questions.Where(q => q.Kind == QuestionKinds.Text && answers.ContainsKey(q.Key))
            .Select(q => answers[q.Key].GetString()!.Trim()).Where(t => t.Length > 0).ToList();
        return texts.Count == 0 ? null : string.Join("\n", texts);
    }
}
