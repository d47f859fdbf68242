using System.Text.Json;
using Console.Domain.Data;
using Console.Domain.Segments;
using Console.Domain.Surveys;
using Console.Tests.Data;

namespace Console.Tests.Surveys;

/// <summary>The results statements a segment predicate is appended to parse as T-SQL once composed, as SQL Server receives them.</summary>
public sealed class SurveyResultsSqlTests
{
    [Theory]
    [InlineData("""{"all":[{"field":"source","op":"eq","value":"wechat"}]}""")]
    [InlineData("""{"any":[{"field":"nps_category","op":"in","value":["detractor","passive"]},{"field":"orders","op":"gte","value":2}]}""")]
    [InlineData("""{"all":[{"field":"purchased_course","op":"in","value":["c-1"]},{"any":[{"field":"city","op":"ne","value":"Shanghai"}]}]}""")]
    public void The_composed_results_statements_parse_for_sql_server(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new FieldErrors();
        var rule = new RuleReader(MoneyBounds.Default).Read(document.RootElement, errors);
        Assert.True(errors.Valid, string.Join("; ", errors.Select(e => e.Field + " " + e.Code)));
        var where = RuleSql.Compile(rule!, Dialect.SqlServer, new RuleDay(new DateOnly(2026, 6, 15), new BusinessTime(new BusinessOptions()))).Where;
        SqlServerDialectTests.AssertParses("results rows", ResultRow.SqlFor(null));
        SqlServerDialectTests.AssertParses("results rows in a segment", ResultRow.SqlFor(where));
        SqlServerDialectTests.AssertParses("respondents of a segment", SegmentGroups.RespondentsSql(where));
        Assert.Contains("@s0", where, StringComparison.Ordinal);
    }
}
