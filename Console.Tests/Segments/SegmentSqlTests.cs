using System.Text.Json;
using System.Text.Json.Nodes;
using Console.Domain.Data;
using Console.Domain.Segments;
using Console.Tests.Data;
using CsCheck;
using Dapper;

namespace Console.Tests.Segments;

/// <summary>Rules become SQL whose text never depends on the values in them, and every SQL Server text parses.</summary>
public sealed class SegmentSqlTests
{
    private static readonly RuleDay Day = new(new DateOnly(2026, 6, 15), new BusinessTime(new BusinessOptions()));

    private static readonly string[] Hostile =
    [
        "'; DROP TABLE customers; --", "\" OR 1=1 --", "Robert'); DELETE FROM orders;--", "@s0", "%_[]", "' || '", "\\'", "上海",
        "👩‍💻 emoji", "ﬁ ligature", "N'x'", "/* comment */", "--", ";", "0x41", "SELECT 1", "c.id = c.id OR 1=1", "\u00a0nbsp\u00a0",
    ];

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, Gen.OneOf(Hostile)),
        (2, Gen.String[Gen.Char.AlphaNumeric, 1, 20]),
        (1, Gen.String[1, 40]));

    private static SegmentRule? Read(JsonNode rule, FieldErrors errors)
    {
        using var document = JsonDocument.Parse(rule.ToJsonString());
        return new RuleReader(MoneyBounds.Default).Read(document.RootElement, errors);
    }

    private static JsonObject Rule(IReadOnlyList<string> values) => new()
    {
        ["all"] = new JsonArray(
            new JsonObject { ["field"] = "city", ["op"] = "in", ["value"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) },
            new JsonObject { ["field"] = "source", ["op"] = "ne", ["value"] = values[0] },
            new JsonObject
            {
                ["any"] = new JsonArray(
                    new JsonObject { ["field"] = "purchased_course", ["op"] = "in", ["value"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) },
                    new JsonObject { ["field"] = "experiment_variant", ["op"] = "not_in", ["value"] = new JsonArray([.. values.Select(v => (JsonNode)("k:" + v))]) },
                    new JsonObject { ["field"] = "nps_category", ["op"] = "in", ["value"] = new JsonArray("promoter") }),
            }),
    };

    [Fact]
    public void Hostile_values_stay_parameters_and_the_sql_text_never_holds_them()
    {
        using var store = new TempStore();
        using var connection = store.Db.Open();
        var accepted = 0;
        Value.Where(v => v == v.Trim()).List[1, 6].Select(v => v.Distinct().ToList()).Sample(values =>
        {
            var errors = new FieldErrors();
            var rule = Read(Rule(values), errors);
            // Text the reader refuses (control characters, lone surrogates, blank) never reaches SQL at all.
            if (rule is null) return errors.All(e => e.Code is FieldCodes.InvalidText or FieldCodes.Required or FieldCodes.TooLong);
            accepted++;
            var kept = rule.Conditions().First().Value.Texts;
            var benign = Read(Rule([.. kept.Select((_, i) => "v" + i)]), new FieldErrors())!;
            foreach (var dialect in new[] { Dialect.Sqlite, Dialect.SqlServer })
            {
                var compiled = RuleSql.Compile(rule, dialect, Day);
                var harmless = RuleSql.Compile(benign, dialect, Day).Where;
                // The text is the same as for harmless values of the same count: no value shaped it.
                if (compiled.Where != harmless) return false;
                if (kept.Where(v => !harmless.Contains(v, StringComparison.Ordinal)).Any(v => compiled.Where.Contains(v, StringComparison.Ordinal)))
                    return false;
                if (!kept.All(v => compiled.Parameters.Any(p => Equals(p.Value, v)))) return false;
            }
            var sqlite = RuleSql.Compile(rule, Dialect.Sqlite, Day);
            var parameters = new DynamicParameters();
            foreach (var (name, value) in sqlite.Parameters) parameters.Add(name, value);
            connection.ExecuteScalar<long>(SegmentQueries.CountSql(sqlite.Where), parameters);
            return true;
        }, iter: 200);
        Assert.True(accepted > 50, $"only {accepted} rules were accepted");
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM customers"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'orders'"));
    }

    [Theory]
    [InlineData("""{"all":[{"field":"orders","op":"gte","value":1e30}]}""", "rule.all[0].value", FieldCodes.Between)]
    [InlineData("""{"all":[{"field":"net_spent","op":"gte","value":99999999999999999999}]}""", "rule.all[0].value", FieldCodes.Between)]
    [InlineData("""{"all":[{"field":"net_spent","op":"gte","value":1.001}]}""", "rule.all[0].value", FieldCodes.TooManyDecimals)]
    [InlineData("""{"all":[{"field":"propensity","op":"gte","value":1.5}]}""", "rule.all[0].value", FieldCodes.Between)]
    [InlineData("""{"all":[{"field":"orders","op":"gte","value":"1"}]}""", "rule.all[0].value", FieldCodes.ExpectsNumber)]
    [InlineData("""{"all":[{"field":"city","op":"eq","value":"a\u0000b"}]}""", "rule.all[0].value", FieldCodes.InvalidText)]
    [InlineData("""{"all":[{"field":"orders","op":"gte","value":1},{"field":"city","op":"gte","value":"x"}]}""", "rule.all[1].op", FieldCodes.OperatorNotAllowed)]
    [InlineData("""{"all":[{"field":"orders","op":"gte","value":1},{"field":"citty","op":"eq","value":"x"}]}""", "rule.all[1].field", FieldCodes.UnknownSegmentField)]
    [InlineData("""{"all":[{"any":[{"field":"orders","op":"gte","value":1,"extra":2}]}]}""", "rule.all[0].any[0].extra", FieldCodes.UnknownMember)]
    [InlineData("""{"all":[{"field":"purchased_course","op":"any","value":["x"]}]}""", "rule.all[0].value", FieldCodes.ValueNotExpected)]
    [InlineData("""{"all":[{"field":"purchased_course","op":"in"}]}""", "rule.all[0].value", FieldCodes.Required)]
    [InlineData("""{"all":[{"field":"purchased_course","op":"in","value":[]}]}""", "rule.all[0].value", FieldCodes.AtLeastItems)]
    [InlineData("""{"all":[{"field":"email_opt_in","op":"is","value":1}]}""", "rule.all[0].value", FieldCodes.ExpectsFlag)]
    [InlineData("""{"all":[{"field":"nps_category","op":"in","value":["fan"]}]}""", "rule.all[0].value[0]", FieldCodes.OneOf)]
    [InlineData("""{"all":[{"field":"experiment_variant","op":"in","value":["nokey"]}]}""", "rule.all[0].value[0]", FieldCodes.VariantShape)]
    [InlineData("""{"all":[{"field":"used_coupon_campaign","op":"in","value":["one"]}]}""", "rule.all[0].value[0]", FieldCodes.AtLeast)]
    [InlineData("""{"all":[]}""", "rule.all", FieldCodes.AtLeastItems)]
    [InlineData("""{"all":[1]}""", "rule.all[0]", FieldCodes.RuleShape)]
    [InlineData("""[]""", "rule", FieldCodes.RuleShape)]
    [InlineData("""{"all":[{"all":[{"all":[{"all":[{"all":[{"all":[{"field":"orders","op":"eq","value":1}]}]}]}]}]}]}""", "rule.all[0].all[0].all[0].all[0].all[0]", FieldCodes.RuleTooDeep)]
    public void Validation_errors_name_the_path_of_the_condition(string json, string path, string code)
    {
        var errors = new FieldErrors();
        using var document = JsonDocument.Parse(json);
        Assert.Null(new RuleReader(MoneyBounds.Default).Read(document.RootElement, errors));
        Assert.Contains(errors, e => e.Field == path && e.Code == code);
    }

    [Fact]
    public void More_than_fifty_conditions_are_refused()
    {
        var items = string.Join(",", Enumerable.Repeat("""{"field":"orders","op":"gte","value":1}""", 51));
        var errors = new FieldErrors();
        using var document = JsonDocument.Parse($$"""{"any":[{{items}}]}""");
        Assert.Null(new RuleReader(MoneyBounds.Default).Read(document.RootElement, errors));
        Assert.Contains(errors, e => e.Field == "rule" && e.Code == FieldCodes.TooManyItems);
    }

    /// <summary>A sample value for each field and operator: every text the compiler can produce for SQL Server comes from these.</summary>
    internal static IEnumerable<(string Where, string Sql)> SqlServerTexts()
    {
        foreach (var field in SegmentFields.All)
            foreach (var op in field.Ops)
            {
                JsonNode? value = SegmentOps.TakesNoValue(op) ? null : field.Kind switch
                {
                    ValueKind.Whole => 3,
                    ValueKind.Money => 12.5m,
                    ValueKind.Probability => 0.5m,
                    ValueKind.Flag => true,
                    ValueKind.Text when !SegmentOps.TakesList(op) => "x",
                    _ when field.Refs == RefKind.CouponCampaign => new JsonArray(1, 2),
                    _ when field.Refs == RefKind.ExperimentVariant => new JsonArray("k:a", "k:b"),
                    _ when field.Choices is { } choices => new JsonArray(choices[0], choices[1]),
                    _ => new JsonArray("a", "b"),
                };
                var condition = new JsonObject { ["field"] = field.Code, ["op"] = op };
                if (value is not null) condition["value"] = value;
                var rule = Read(new JsonObject { ["any"] = new JsonArray(condition, new JsonObject { ["all"] = new JsonArray(condition.DeepClone()) }) },
                    new FieldErrors())!;
                var where = RuleSql.Compile(rule, Dialect.SqlServer, Day).Where;
                var at = $"segment {field.Code} {op}";
                yield return (at + " count", SegmentQueries.CountSql(where));
                yield return (at + " sample", SegmentQueries.SampleSql(Dialect.SqlServer, where));
                yield return (at + " ids", SegmentQueries.IdsSql(where));
                yield return (at + " contains", SegmentQueries.ContainsSql(where));
            }
        foreach (var (text, i) in ListSegments.AllTexts.Select((t, i) => (t, i)).Where(x => !x.t.Contains("LIMIT", StringComparison.Ordinal)))
            yield return ($"segment list {i}", text);
    }

    [Fact]
    public void Every_sql_server_text_the_compiler_can_produce_parses()
    {
        var texts = SqlServerTexts().ToList();
        Assert.True(texts.Count > 17 * 4, $"only {texts.Count} texts");
        foreach (var (where, sql) in texts)
        {
            Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
            SqlServerDialectTests.AssertParses(where, sql);
        }
    }
}
