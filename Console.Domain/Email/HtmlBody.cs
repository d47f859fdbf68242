using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Console.Domain.Email;

/// <summary>Marketing HTML as it is stored: sanitised on save, and the plain-text part made from it when none is given.</summary>
public static partial class HtmlBody
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// Removes scripts, event handlers and the like. Liquid markup is set aside as plain words first and put back after,
    /// so an href of {{ unsubscribe_url }} is neither URL-encoded nor dropped.
    /// </summary>
    public static string Sanitise(string html)
    {
        var kept = new List<string>();
        var marked = Liquid().Replace(html, m =>
        {
            kept.Add(m.Value);
            return $"liquidmark{kept.Count - 1}x";
        });
        var clean = Sanitizer.Sanitize(marked);
        return Mark().Replace(clean, m => int.TryParse(m.Groups[1].Value, out var i) && i < kept.Count ? kept[i] : m.Value);
    }

    /// <summary>A readable text part: links keep their address in brackets, blocks become lines.</summary>
    public static string ToText(string html)
    {
        var text = Link().Replace(html, m => $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        text = Break().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Blank().Replace(text, "\n\n");
        return string.Join('\n', text.Split('\n').Select(l => l.Trim())).Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        return sanitizer;
    }

    [GeneratedRegex("""<a\b[^>]*\bhref\s*=\s*["'](?<href>[^"']*)["'][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<\s*(br|/p|/div|/h[1-6]|/li|/tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Liquid();

    [GeneratedRegex(@"liquidmark(\d+)x")]
    private static partial Regex Mark();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial Regex Blank();
}
