using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>
/// Reads a rule from JSON ({ all | any: [ { field, op, value } | rule ] }) and checks it against the catalogue; every
/// error names the path of the offending part (rule.all[2].op), so forms put it beside that condition.
/// </summary>
public sealed class RuleReader(MoneyBounds money)
{
    public SegmentRule? Read(JsonElement element, FieldErrors errors, string path = "rule")
    {
        var before = errors.Count;
        var conditions = 0;
        var root = Node(element, path, 1, errors, ref conditions);
        if (conditions > SegmentRule.MaxConditions) errors.Add(path, FieldCodes.TooManyItems, SegmentRule.MaxConditions);
        if (errors.Count > before || root is not RuleGroup group)
        {
            if (errors.Count == before) errors.Add(path, FieldCodes.RuleShape);
            return null;
        }
        return new SegmentRule(group, RuleJson.Write(group, money));
    }

    private RuleNode? Node(JsonElement e, string path, int depth, FieldErrors errors, ref int conditions)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, FieldCodes.RuleShape);
            return null;
        }
        var isGroup = e.TryGetProperty("all", out _) || e.TryGetProperty("any", out _);
        return isGroup ? Group(e, path, depth, errors, ref conditions) : Condition(e, path, errors, ref conditions);
    }

    private RuleGroup? Group(JsonElement e, string path, int depth, FieldErrors errors, ref int conditions)
    {
        if (depth > SegmentRule.MaxDepth)
        {
            errors.Add(path, FieldCodes.RuleTooDeep, SegmentRule.MaxDepth);
            return null;
        }
        string? join = null;
        JsonElement items = default;
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name is "all" or "any" && join is null) (join, items) = (p.Name, p.Value);
            else if (p.Name is "all" or "any") errors.Add($"{path}.{p.Name}", FieldCodes.RuleShape);
            else errors.Add($"{path}.{p.Name}", FieldCodes.UnknownMember);
        }
        var listPath = $"{path}.{join}";
        if (items.ValueKind != JsonValueKind.Array)
        {
            errors.Add(listPath, FieldCodes.RuleShape);
            return null;
        }
        if (items.GetArrayLength() == 0) errors.Add(listPath, FieldCodes.AtLeastItems, 1);
        var nodes = new List<RuleNode>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            // Past the limit the rule is refused anyway; reading on would only cost time.
            if (conditions > SegmentRule.MaxConditions) break;
            if (Node(item, $"{listPath}[{i++}]", depth + 1, errors, ref conditions) is { } node) nodes.Add(node);
        }
        return new RuleGroup(path, join == "all", nodes);
    }

    private RuleCondition? Condition(JsonElement e, string path, FieldErrors errors, ref int conditions)
    {
        conditions++;
        JsonElement? field = null, op = null, value = null;
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "field": field = p.Value; break;
                case "op": op = p.Value; break;
                case "value": value = p.Value; break;
                default: errors.Add($"{path}.{p.Name}", FieldCodes.UnknownMember); break;
            }
        }
        var before = errors.Count;
        var code = Word(field, $"{path}.field", errors);
        var opWord = Word(op, $"{path}.op", errors);
        if (code is null || opWord is null) return null;
        if (SegmentFields.Find(code) is not { } def)
        {
            errors.Add($"{path}.field", FieldCodes.UnknownSegmentField, code);
            return null;
        }
        if (!def.Allows(opWord))
        {
            errors.Add($"{path}.op", FieldCodes.OperatorNotAllowed, string.Join(", ", def.Ops));
            return null;
        }
        var checkedValue = Value(def, opWord, value, $"{path}.value", errors);
        return errors.Count > before || checkedValue is null ? null : new RuleCondition(path, def, opWord, checkedValue);
    }

    private static string? Word(JsonElement? e, string path, FieldErrors errors)
    {
        if (e is not { } v || v.ValueKind == JsonValueKind.Null)
        {
            errors.Add(path, FieldCodes.Required);
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, FieldCodes.ExpectsText);
            return null;
        }
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            errors.Add(path, FieldCodes.InvalidText);
            return null;
        }
    }

    private RuleValue? Value(SegmentField field, string op, JsonElement? given, string path, FieldErrors errors)
    {
        var present = given is { ValueKind: not JsonValueKind.Null };
        if (SegmentOps.TakesNoValue(op))
        {
            if (!present) return RuleValue.Nothing;
            errors.Add(path, FieldCodes.ValueNotExpected);
            return null;
        }
        if (!present)
        {
            errors.Add(path, FieldCodes.Required);
            return null;
        }
        var v = given!.Value;
        return field.Kind switch
        {
            ValueKind.Whole => WholeValue(field, v, path, errors),
            ValueKind.Money => MoneyValue(v, path, errors),
            ValueKind.Probability => ProbabilityValue(v, path, errors),
            ValueKind.Flag => v.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new RuleValue([], Flag: v.GetBoolean())
                : Fail(errors, path, FieldCodes.ExpectsFlag),
            ValueKind.Text when !SegmentOps.TakesList(op) => Text(v, path, errors) is { } t ? new RuleValue([t]) : null,
            _ => ListValue(field, v, path, errors),
        };
    }

    private static RuleValue? Fail(FieldErrors errors, string path, string code, params object[] args)
    {
        errors.Add(path, code, args);
        return null;
    }

    private static RuleValue? WholeValue(SegmentField field, JsonElement v, string path, FieldErrors errors)
    {
        if (v.ValueKind != JsonValueKind.Number) return Fail(errors, path, FieldCodes.ExpectsNumber);
        if (!v.TryGetDecimal(out var d) || d != decimal.Truncate(d) || d < field.Min || d > field.Max)
            return Fail(errors, path, FieldCodes.Between, field.Min, field.Max);
        return new RuleValue([], Whole: (long)d);
    }

    private RuleValue? MoneyValue(JsonElement v, string path, FieldErrors errors)
    {
        if (v.ValueKind != JsonValueKind.Number) return Fail(errors, path, FieldCodes.ExpectsNumber);
        if (!v.TryGetDecimal(out var d)) return Fail(errors, path, FieldCodes.Between, "0", money.MaxAmount.ToString("0.##", CultureInfo.InvariantCulture));
        if (!money.TryToFen(d, out var fen, out var code, out var args)) return Fail(errors, path, code!, args);
        return new RuleValue([], Whole: fen);
    }

    private static RuleValue? ProbabilityValue(JsonElement v, string path, FieldErrors errors)
    {
        if (v.ValueKind != JsonValueKind.Number) return Fail(errors, path, FieldCodes.ExpectsNumber);
        if (!v.TryGetDecimal(out var d) || d < 0 || d > 1) return Fail(errors, path, FieldCodes.Between, 0, 1);
        return new RuleValue([], Real: (double)d);
    }

    private static RuleValue? ListValue(SegmentField field, JsonElement v, string path, FieldErrors errors)
    {
        if (v.ValueKind != JsonValueKind.Array) return Fail(errors, path, FieldCodes.ExpectsTexts);
        var count = v.GetArrayLength();
        if (count == 0) return Fail(errors, path, FieldCodes.AtLeastItems, 1);
        if (count > SegmentRule.MaxListItems) return Fail(errors, path, FieldCodes.TooManyItems, SegmentRule.MaxListItems);
        var texts = new List<string>(count);
        var before = errors.Count;
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            string? text = field.Refs == RefKind.CouponCampaign ? CampaignId(item, itemPath, errors) : Text(item, itemPath, errors);
            if (text is null) continue;
            if (field.Choices is { } choices && !choices.Contains(text, StringComparer.Ordinal))
                errors.Add(itemPath, FieldCodes.OneOf, string.Join(", ", choices));
            else if (field.Refs == RefKind.ExperimentVariant && !VariantRef.TryParse(text, out _))
                errors.Add(itemPath, FieldCodes.VariantShape);
            else if (!texts.Contains(text, StringComparer.Ordinal)) texts.Add(text);
        }
        return errors.Count > before ? null : new RuleValue(texts);
    }

    private static string? CampaignId(JsonElement item, string path, FieldErrors errors)
    {
        if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var id) && id > 0) return id.ToString(CultureInfo.InvariantCulture);
        errors.Add(path, FieldCodes.AtLeast, 1);
        return null;
    }

    private static string? Text(JsonElement item, string path, FieldErrors errors)
    {
        if (item.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, FieldCodes.ExpectsText);
            return null;
        }
        string text;
        try
        {
            text = item.GetString()?.Trim() ?? "";
        }
        catch (InvalidOperationException)
        {
            errors.Add(path, FieldCodes.InvalidText);
            return null;
        }
        if (text.Length == 0) errors.Add(path, FieldCodes.Required);
        else if (text.Length > SegmentRule.MaxTextLength) errors.Add(path, FieldCodes.TooLong, SegmentRule.MaxTextLength);
        else if (!IsCleanText(text)) errors.Add(path, FieldCodes.InvalidText);
        else return text;
        return null;
    }

    /// <summary>Text with lone surrogates or control characters cannot be stored or shown faithfully.</summary>
    private static bool IsCleanText(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done || Rune.IsControl(rune)) return false;
            i += used;
        }
        return true;
    }
}

/// <summary>An experiment variant named as "experimentKey:variantKey".</summary>
public readonly record struct VariantRef(string Experiment, string Variant)
{
    public static bool TryParse(string text, out VariantRef value)
    {
        var cut = text.IndexOf(':');
        value = cut > 0 && cut < text.Length - 1 ? new VariantRef(text[..cut], text[(cut + 1)..]) : default;
        return cut > 0 && cut < text.Length - 1;
    }
}
