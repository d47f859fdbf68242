using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>The checks a segment's fields get before any store look-up, shared by create, update and the builder.</summary>
public sealed class SegmentChecks(MoneyBounds money)
{
    public const int MaxNameLength = 200;

    public RuleReader Reader { get; } = new(money);

    public string? Name(string? name, FieldErrors errors)
    {
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("name", FieldCodes.Required);
        else if (text.Length > MaxNameLength) errors.Add("name", FieldCodes.TooLong, MaxNameLength);
        else if (text.Any(char.IsControl)) errors.Add("name", FieldCodes.InvalidText);
        else return text;
        return null;
    }

    public SegmentRule? Rule(System.Text.Json.JsonElement? rule, FieldErrors errors)
    {
        if (rule is not { ValueKind: not System.Text.Json.JsonValueKind.Null } element)
        {
            errors.Add("rule", FieldCodes.Required);
            return null;
        }
        return Reader.Read(element, errors);
    }
}
