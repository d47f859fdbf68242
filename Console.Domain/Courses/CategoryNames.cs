using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Dapper;

namespace Console.Domain.Courses;

/// <summary>A category the courses use, with the names a marketer gave it (null where none) and how many courses carry it.</summary>
public sealed record CategoryName(string Category, string? English, string? Chinese, long Courses);

/// <summary>
/// A category's name in the reader's language. A marketer's name comes first; the demo catalogue names its own
/// categories in Chinese; any other category is shown as the platform sent it. Names are read once and kept, since
/// pages ask for them per row; saving a name drops the copy, and other nodes read it again within a minute.
/// </summary>
public sealed class CategoryNames(Db db, StatementRunner runner, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private static readonly Dictionary<string, string> DemoChinese = DemoCatalogue.Categories
        .Zip(DemoCatalogue.ChineseCategories).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    private sealed record Named(Dictionary<string, NamedRow> ByCategory, DateTimeOffset ReadAt);

    private sealed class NamedRow
    {
        public string Category { get; init; } = "";
        public string? English { get; init; }
        public string? Chinese { get; init; }
    }

    private volatile Named? _named;

    public string Name(string category, CultureInfo culture)
    {
        var chinese = culture.TwoLetterISOLanguageName == "zh";
        if (Current().TryGetValue(category, out var named) && (chinese ? named.Chinese : named.English) is { } given) return given;
        return chinese && DemoChinese.TryGetValue(category, out var zh) ? zh : category;
    }

    /// <summary>Every category the courses carry, named or not, in code order.</summary>
    public async Task<IReadOnlyList<CategoryName>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CategoryName>(new CommandDefinition(ListSql, cancellationToken: ct))).ToList();
    }

    public abstract record Outcome
    {
        public sealed record Saved : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    /// <summary>Names one category in both languages; a blank name removes it, so the category is shown as sent again.</summary>
    public async Task<Outcome> SaveAsync(string category, string? english, string? chinese, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(category)) errors.Add("category", FieldCodes.Required);
        (english, chinese) = (Clean(english), Clean(chinese));
        if (english?.Length > MaxNameLength) errors.Add("nameEn", FieldCodes.TooLong, MaxNameLength);
        if (chinese?.Length > MaxNameLength) errors.Add("nameZh", FieldCodes.TooLong, MaxNameLength);
        if (!errors.Valid) return new Outcome.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await runner.WriteAsync(new WriteUnit<Outcome>(
            async (statements, token) =>
            {
                if (await statements.ExecuteAsync(Update, token, ("en", english), ("zh", chinese), ("now", now), ("category", category)) == 0)
                    await statements.ExecuteAsync(Insert, token, ("category", category), ("en", english), ("zh", chinese), ("now", now));
                return new Outcome.Saved();
            },
            _ => true, _ => null, UndoFree: true), ct);
        _named = null;
        return outcome;
    }

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    private Dictionary<string, NamedRow> Current()
    {
        var named = _named;
        if (named is null || clock.GetUtcNow() - named.ReadAt > KeepFor)
        {
            using var connection = db.Open();
            var rows = connection.Query<NamedRow>(NamedSql);
            _named = named = new Named(rows.ToDictionary(r => r.Category, StringComparer.Ordinal), clock.GetUtcNow());
        }
        return named.ByCategory;
    }

    private const string NamedSql = """
        SELECT category AS Category, name_en AS English, name_zh AS Chinese FROM category_names
        """;

    private const string ListSql = """
        SELECT c.category AS Category, n.name_en AS English, n.name_zh AS Chinese, COUNT(*) AS Courses
        FROM courses c LEFT JOIN category_names n ON n.category = c.category
        WHERE c.category IS NOT NULL
        GROUP BY c.category, n.name_en, n.name_zh
        ORDER BY c.category
        """;

    private const string Update = """
        UPDATE category_names SET name_en = @en, name_zh = @zh, updated_at = @now WHERE category = @category
        """;

    private const string Insert = """
        INSERT INTO category_names (category, name_en, name_zh, updated_at) VALUES (@category, @en, @zh, @now)
        """;
}
