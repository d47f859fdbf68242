using Console.Domain.Text;

namespace Console.Domain.Surveys;

/// <summary>Survey themes come from the console's own text analysis: TF-IDF clusters, seeded.</summary>
public sealed class SurveyThemes : ISurveyThemes
{
    public IReadOnlyList<TextTheme> Find(IReadOnlyList<string> texts, int maxThemes, int seed) =>
        texts.Count == 0 ? [] : Themes.Find(texts, maxThemes, seed);
}
