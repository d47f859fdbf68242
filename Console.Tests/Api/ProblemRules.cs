using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Console.Tests.Api;

/// <summary>What every 4xx must be (API.md "Conventions"): a problem document that names fields in camelCase and leaks nothing.</summary>
public static partial class ProblemRules
{
    [GeneratedRegex(@"\b(System|Microsoft|Console|Dapper|Hangfire)\.[A-Z][A-Za-z0-9]+|`\d\[|\b[A-Za-z]*Exception\b")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"\bat [A-Za-z_][\w.<>`]*\(|\.cs:line \d+|\bline \d+ in\b")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"SQLite Error|SQL logic error|no such (table|column)|constraint failed|syntax error|FOREIGN KEY|UNIQUE constraint|near ""|SqlClient")]
    private static partial Regex Sql();

    // zh-Hans is a key of the contract itself: a question's text and options come in English and Simplified Chinese.
    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*|\.zh-Hans|\[\d+\])*$")]
    private static partial Regex CamelCase();

    /// <summary>The internals a text gives away, as (what, the text that shows it).</summary>
    public static IEnumerable<(string What, string Match)> Leaks(string text)
    {
        foreach (var (what, rule) in new[] { ("a .NET type name", TypeName()), ("a stack frame", StackFrame()), ("SQL or a database error", Sql()) })
            if (rule.Match(text) is { Success: true } match) yield return (what, match.Value);
    }

    /// <summary>Breaks of the problem rules in a 4xx answer; fields, when given, must be named in errors.</summary>
    public static IEnumerable<(string Label, string Detail)> Check(int status, string? mediaType, byte[] body, byte[] request,
        IReadOnlyList<string> fields)
    {
        if (mediaType != "application/problem+json")
        {
            yield return ("a 4xx is not application/problem+json", mediaType ?? "no content type");
            yield break;
        }
        var text = Encoding.UTF8.GetString(body);
        foreach (var (what, match) in Leaks(text)) yield return ($"a problem document shows {what}", match);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            root = default;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield return ("a problem document is not a JSON object", "");
            yield break;
        }
        if (root.TryGetProperty("status", out var stated) && (!stated.TryGetInt32(out var number) || number != status))
            yield return ("a problem document states another status", stated.GetRawText());
        var keys = new List<string>();
        if (root.TryGetProperty("errors", out var errors))
        {
            if (errors.ValueKind != JsonValueKind.Object) yield return ("errors is not an object of field names", errors.ValueKind.ToString());
            else
                foreach (var error in errors.EnumerateObject())
                {
                    keys.Add(error.Name);
                    // A key the request itself sent ("$type", "__proto__") is named as sent.
                    var sent = Encoding.UTF8.GetString(request).Contains('"' + error.Name + '"', StringComparison.Ordinal);
                    if (!CamelCase().IsMatch(error.Name) && !sent) yield return ("errors names a field not in the API's camelCase", error.Name);
                    if (error.Value.ValueKind != JsonValueKind.Array || error.Value.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String))
                        yield return ("errors holds something other than lists of messages", error.Name);
                }
        }
        if (fields.Count == 0) yield break;
        if (status != 400) yield return ($"a field error answered {status}, not 400", string.Join(", ", fields));
        else if (!keys.Any(k => fields.Any(f => k == f || k.StartsWith(f + ".", StringComparison.Ordinal) || k.StartsWith(f + "[", StringComparison.Ordinal))))
            yield return ("a 400 does not name the field in errors", $"wanted {string.Join(" or ", fields)}; errors: {(keys.Count == 0 ? "none" : string.Join(", ", keys))}");
    }
}
