using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Console.Domain.Segments;

namespace Console.Web.Components.Pages.Segments;

/// <summary>
/// A rule as the builder edits it: groups and conditions that change in place. It becomes the API's JSON to be checked by
/// the same reader as the API, so the builder's errors are the API's, named by the same paths.
/// </summary>
public sealed class RuleDraft
{
    public bool IsGroup { get; private init; }
    public bool All { get; set; } = true;
    public List<RuleDraft> Items { get; } = [];
    public string Field { get; set; } = "";
    public string Op { get; set; } = "";
    public decimal? Number { get; set; }
    public bool Flag { get; set; } = true;
    public string? Text { get; set; }
    public IReadOnlyCollection<string> Picks { get; set; } = [];

    public SegmentField? Definition => SegmentFields.Find(Field);

    public static RuleDraft Group(bool all = true) => new() { IsGroup = true, All = all };

    public static RuleDraft Condition(SegmentField field) => new() { Field = field.Code, Op = field.Ops[0] };

    /// <summary>A field picked anew keeps the operator when the new field has it, and forgets a value of another kind.</summary>
    public void SetField(SegmentField field)
    {
        var kind = Definition?.Kind;
        Field = field.Code;
        if (!field.Allows(Op)) Op = field.Ops[0];
        if (kind == field.Kind && field.Refs == RefKind.None) return;
        (Number, Text, Picks) = (null, null, []);
    }

    /// <summary>The path the reader names this part by: rule, rule.all[2], rule.all[2].any[0].</summary>
    public static string ChildPath(string groupPath, RuleDraft group, int index) => $"{groupPath}.{(group.All ? "all" : "any")}[{index}]";

    public JsonNode ToJson()
    {
        if (IsGroup) return new JsonObject { [All ? "all" : "any"] = new JsonArray([.. Items.Select(i => i.ToJson())]) };
        var node = new JsonObject { ["field"] = Field, ["op"] = Op };
        if (Definition is not { } field || SegmentOps.TakesNoValue(Op)) return node;
        JsonNode? value = field.Kind switch
        {
            ValueKind.Whole or ValueKind.Money or ValueKind.Probability => Number is { } n ? JsonValue.Create(n) : null,
            ValueKind.Flag => JsonValue.Create(Flag),
            ValueKind.Text when !SegmentOps.TakesList(Op) => Text is null ? null : JsonValue.Create(Text),
            ValueKind.Text => new JsonArray([.. Split(Text).Select(t => (JsonNode)JsonValue.Create(t))]),
            _ when field.Refs == RefKind.CouponCampaign =>
                new JsonArray([.. Picks.Select(p => (JsonNode)JsonValue.Create(long.Parse(p, CultureInfo.InvariantCulture)))]),
            _ => new JsonArray([.. Picks.Select(p => (JsonNode)JsonValue.Create(p))]),
        };
        if (value is not null) node["value"] = value;
        return node;
    }

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(ToJson());

    /// <summary>A stored (canonical) rule read back into the builder.</summary>
    public static RuleDraft FromJson(JsonElement e)
    {
        if (e.TryGetProperty("all", out var all) || e.TryGetProperty("any", out all))
        {
            var group = Group(e.TryGetProperty("all", out _));
            foreach (var item in all.EnumerateArray()) group.Items.Add(FromJson(item));
            return group;
        }
        var draft = new RuleDraft { Field = e.GetProperty("field").GetString() ?? "", Op = e.GetProperty("op").GetString() ?? "" };
        if (!e.TryGetProperty("value", out var v)) return draft;
        switch (v.ValueKind)
        {
            case JsonValueKind.Number: draft.Number = v.GetDecimal(); break;
            case JsonValueKind.True or JsonValueKind.False: draft.Flag = v.GetBoolean(); break;
            case JsonValueKind.String: draft.Text = v.GetString(); break;
            case JsonValueKind.Array:
                var items = v.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.Number ? i.GetInt64().ToString(CultureInfo.InvariantCulture) : i.GetString() ?? "").ToList();
                if (draft.Definition?.Kind == ValueKind.Text) draft.Text = string.Join(", ", items);
                else draft.Picks = items;
                break;
        }
        return draft;
    }

    /// <summary>A list of texts typed in one box, split at commas, semicolons and new lines (full-width ones too).</summary>
    public static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
