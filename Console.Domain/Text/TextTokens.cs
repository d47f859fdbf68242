using System.Globalization;
using System.Text;

namespace Console.Domain.Text;

/// <summary>Words of a text: jieba's for Chinese, Porter stems for English; punctuation dropped, Latin words lower-cased.</summary>
public static class TextTokens
{
    /// <summary>The tokens the classifier reads: stop words dropped, negations and degree words kept.</summary>
    public static IReadOnlyList<string> ForSentiment(string text, string language) =>
        Words(text, language).Where(w => !StopWords.IsStop(w.Token, language) || StopWords.Modifiers.Contains(w.Token))
            .Select(w => w.Token).ToList();

    /// <summary>The tokens keywords and themes count, each with the surface form it came from.</summary>
    public static IReadOnlyList<(string Token, string Surface)> ForTerms(string text, string language) =>
        Words(text, language).Where(w => !StopWords.IsStop(w.Token, language) && !StopWords.Modifiers.Contains(w.Token)
            && IsTerm(w.Token, language)).ToList();

    /// <summary>Lower-case English words with contractions opened ("don't" gives "do", "not"), unstemmed.</summary>
    public static IEnumerable<string> EnglishWords(string text)
    {
        var word = new StringBuilder();
        foreach (var c in (text + " ").ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or '\'' or '’') { word.Append(c == '’' ? '\'' : c); continue; }
            if (word.Length == 0) continue;
            foreach (var w in OpenContraction(word.ToString())) yield return w;
            word.Clear();
        }
    }

    private static IEnumerable<(string Token, string Surface)> Words(string text, string language)
    {
        if (language == SentimentLabels.Chinese)
        {
            foreach (var piece in JiebaCut.Cut(Normalise(text)))
            {
                var token = piece.Trim().ToLowerInvariant();
                if (token.Length > 0 && token.Any(char.IsLetterOrDigit)) yield return (token, token);
            }
            yield break;
        }
        foreach (var word in EnglishWords(text)) yield return (PorterStemmer.Stem(word), word);
    }

    private static IEnumerable<string> OpenContraction(string word)
    {
        word = word.Trim('\'');
        if (word.Length == 0) yield break;
        if (word.EndsWith("n't", StringComparison.Ordinal))
        {
            var head = word[..^3];
            yield return head switch { "ca" => "can", "wo" => "will", "sha" => "shall", _ => head };
            yield return "not";
            yield break;
        }
        var apostrophe = word.IndexOf('\'');
        yield return apostrophe > 0 ? word[..apostrophe] : word;
    }

    // Full-width letters and digits become their ASCII forms, so "ＡＰＰ" and "APP" are one word.
    private static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC);

    private static bool IsTerm(string token, string language) =>
        !token.All(c => char.IsDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherNumber)
        && (language == SentimentLabels.Chinese ? token.Length >= 2 || !TextLanguage.IsHan(token[0]) : token.Length >= 3);
}
