using System.Globalization;

namespace Console.Domain.Recommendations;

public readonly record struct Rating(string User, string Item, double Value, long? Timestamp);

/// <summary>
/// Rating files of any origin, MovieLens u.data style: one "user item rating [timestamp]" per line, separated by tabs or
/// commas (the first data line decides which), with an optional header line whose rating field is not a number.
/// </summary>
public static class RatingFile
{
    public sealed record Parsed(IReadOnlyList<Rating> Ratings, string? Error);

    public static Parsed Read(string path)
    {
        if (!File.Exists(path)) return new([], $"{path}: no such file.");
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, path);
        }
        catch (IOException e)
        {
            return new([], $"{path}: cannot be read ({e.Message}).");
        }
        catch (UnauthorizedAccessException e)
        {
            return new([], $"{path}: cannot be read ({e.Message}).");
        }
    }

    public static Parsed Parse(TextReader reader, string name)
    {
        var ratings = new List<Rating>();
        char? separator = null;
        var lineNumber = 0;
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var isFirst = first;
            first = false;
            separator ??= line.Contains('\t') ? '\t' : ',';
            var fields = line.Split(separator.Value);
            if (fields.Length is < 3 or > 4)
                return new([], $"{name}:{lineNumber}: expected 'user item rating [timestamp]' separated by {Name(separator.Value)}; found {fields.Length} field(s).");
            var (user, item) = (fields[0].Trim(), fields[1].Trim());
            if (!double.TryParse(fields[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                // Only the very first line may be a header.
                if (isFirst) continue;
                return new([], $"{name}:{lineNumber}: the rating '{fields[2].Trim()}' is not a number.");
            }
            if (user.Length == 0 || item.Length == 0) return new([], $"{name}:{lineNumber}: the user and the item must not be empty.");
            long? timestamp = null;
            if (fields.Length == 4)
            {
                if (!long.TryParse(fields[3].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t))
                    return new([], $"{name}:{lineNumber}: the timestamp '{fields[3].Trim()}' is not a whole number.");
                timestamp = t;
            }
            ratings.Add(new Rating(user, item, value, timestamp));
        }
        return ratings.Count == 0 ? new([], $"{name}: no ratings found.") : new(ratings, null);
    }

    private static string Name(char separator) => separator == '\t' ? "tabs" : "commas";
}
