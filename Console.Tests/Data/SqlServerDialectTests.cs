using System.Reflection;
using System.Text.RegularExpressions;
using Console.Domain.Data;
using Console.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Console.Tests.Data;

/// <summary>No SQL Server runs here, so every T-SQL text the console can send is at least parsed by SQL Server's own parser.</summary>
public sealed partial class SqlServerDialectTests
{
    // Texts with these words are the SQLite half of a dialect switch; everything else is sent to both engines.
    private static readonly string[] SqliteOnly =
        ["last_insert_rowid", "ON CONFLICT", "INSERT OR ", "PRAGMA", "sqlite_", "strftime", "julianday", " LIMIT ", "\nLIMIT ", "RETURNING "];

    [Fact]
    public void Every_sql_server_migration_parses()
    {
        var scripts = Migrator.ScriptNames(Dialect.SqlServer);
        Assert.NotEmpty(scripts);
        foreach (var name in scripts)
            AssertParses(name, Migrator.ReadScript(name));
    }

    [Fact]
    public void Every_sql_text_in_the_code_that_sql_server_can_receive_parses()
    {
        var texts = SqlLiterals().ToList();
        Assert.True(texts.Count >= 5, $"expected SQL texts in the code, found {texts.Count}");
        var checkedCount = 0;
        foreach (var (where, sql) in texts)
        {
            if (SqliteOnly.Any(w => sql.Contains(w, StringComparison.OrdinalIgnoreCase))) continue;
            AssertParses(where, sql);
            checkedCount++;
        }
        Assert.True(checkedCount >= 5, $"only {checkedCount} texts were parsed");
    }

    [Fact]
    public void Every_statement_composed_per_engine_parses_in_its_sql_server_form()
    {
        var composed = ComposedSqlServerTexts().ToList();
        // Paging in five readers (two statements in the timeline), ids in three look-ups, the ids of two inserts.
        Assert.True(composed.Count >= 11, $"expected the composed statements, found {composed.Count}");
        foreach (var (where, sql) in composed) AssertParses(where, sql);
    }

    [Fact]
    public void Each_engine_gets_only_its_own_fragment_of_a_composed_statement()
    {
        foreach (var field in ComposedFields())
        {
            var sql = (DialectSql)field.GetValue(null)!;
            foreach (var other in new[] { "FETCH NEXT", "OPENJSON", "OUTPUT INSERTED" })
                Assert.DoesNotContain(other, sql.For(Dialect.Sqlite), StringComparison.Ordinal);
            foreach (var other in new[] { "LIMIT", "json_each" })
                Assert.DoesNotContain(other, sql.For(Dialect.SqlServer), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_parser_refuses_sqlite_only_syntax_so_the_checks_above_mean_something()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader("SELECT id FROM orders ORDER BY id LIMIT 5"), out var errors);
        Assert.NotEmpty(errors);
        Assert.Contains(SqlLiterals(), t => t.Where.Contains("ApiKeys.cs", StringComparison.Ordinal));
    }

    internal static void AssertParses(string where, string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0,
            $"{where}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{sql}");
    }

    /// <summary>Every statement composed per engine (a static <see cref="DialectSql"/> field), in the form sent to SQL Server.</summary>
    internal static IEnumerable<(string Where, string Sql)> ComposedSqlServerTexts() =>
        ComposedFields().Select(f => ($"{f.DeclaringType!.FullName}.{f.Name}", ((DialectSql)f.GetValue(null)!).For(Dialect.SqlServer)));

    internal static IEnumerable<FieldInfo> ComposedFields() =>
        typeof(Db).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(DialectSql));

    /// <summary>
    /// Raw and regular string literals in the app's code that start like a SQL statement. Literals composed around a
    /// DialectSql or PageFragment fragment are left to <see cref="ComposedSqlServerTexts"/>, which parses what they become.
    /// </summary>
    internal static IEnumerable<(string Where, string Sql)> SqlLiterals()
    {
        var projects = new[] { "Console.Domain", "Console.Web", "Console.Jobs" };
        foreach (var file in projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Repo.Root, p), "*.cs", SearchOption.AllDirectories)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") ||
                file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(Repo.Root, file);
            foreach (Match m in RawLiteral().Matches(text))
            {
                var body = Dedent(m.Groups["body"].Value);
                if (m.Groups["dollar"].Success && Composed(body)) continue;
                if (m.Groups["dollar"].Success) body = Holes().Replace(body, "x");
                if (LooksLikeSql(body)) yield return ($"{relative}:{Line(text, m.Index)}", body);
            }
            foreach (Match m in PlainLiteral().Matches(text))
            {
                var body = m.Groups["body"].Value;
                if (m.Groups["dollar"].Success && Composed(body)) continue;
                if (m.Groups["dollar"].Success) body = Holes().Replace(body, "x");
                if (LooksLikeSql(body)) yield return ($"{relative}:{Line(text, m.Index)}", Regex.Unescape(body));
            }
        }
    }

    /// <summary>A text with an engine's fragment in it: parsed as composed, through its DialectSql field.</summary>
    private static bool Composed(string body) =>
        body.Contains("{DialectSql.", StringComparison.Ordinal) || body.Contains("{PageFragment.", StringComparison.Ordinal);

    private static bool LooksLikeSql(string text) =>
        StatementStart().IsMatch(text) && Regex.IsMatch(text, @"\b(FROM|INTO|SET|VALUES|TABLE)\b", RegexOptions.IgnoreCase);

    private static string Dedent(string body) => string.Join('\n', body.Split('\n').Select(l => l.Trim()));

    private static int Line(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex("(?<dollar>\\$+)?\"\"\"(?<body>.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawLiteral();

    [GeneratedRegex("(?<![\"@])(?<dollar>\\$)?\"(?<body>(?:[^\"\\\\\\n]|\\\\.)*)\"(?!\")")]
    private static partial Regex PlainLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Holes();

    [GeneratedRegex(@"^\s*(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH|DECLARE|CREATE|IF)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();
}
