namespace Console.Domain.Reports.Pdf;

/// <summary>Breaks text into lines no wider than a width: between words, and between any two Chinese characters.</summary>
public static class TextWrap
{
    public static IEnumerable<string> Lines(string text, double width, Func<string, double> measure)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var token in Tokens(paragraph))
            {
                var candidate = line + token;
                if (line.Length > 0 && measure(candidate.TrimEnd()) > width)
                {
                    yield return line.TrimEnd();
                    line = token.TrimStart();
                }
                else line = candidate;
            }
            yield return line.TrimEnd();
        }
    }

    /// <summary>A word with its trailing space, or one wide (CJK) character with any punctuation that must not start a line.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var breakAfter = c == ' ' || (IsWide(c) && (i + 1 >= text.Length || !IsClosing(text[i + 1])))
                || (i + 1 < text.Length && IsWide(text[i + 1]) && !IsClosing(text[i + 1]) && c != ' ');
            if (!breakAfter) continue;
            yield return text[start..(i + 1)];
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    private static bool IsWide(char c) => c >= '\u2E80';

    private static bool IsClosing(char c) => c is '，' or '。' or '、' or '；' or '：' or '）' or '」' or '”' or '！' or '？' or ',' or '.' or ')';
}
