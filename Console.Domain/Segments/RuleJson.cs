using System.Globalization;
using System.Text;
using System.Text.Json;
using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>The canonical JSON of a checked rule: what is stored, answered by the API and read back by the builder.</summary>
public static class RuleJson
{
    public static string Write(RuleGroup root, MoneyBounds money)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            Node(writer, root);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Node(Utf8JsonWriter w, RuleNode node)
    {
        w.WriteStartObject();
        switch (node)
        {
            case RuleGroup g:
                w.WriteStartArray(g.All ? "all" : "any");
                foreach (var item in g.Items) Node(w, item);
                w.WriteEndArray();
                break;
            case RuleCondition c:
                w.WriteString("field", c.Field.Code);
                w.WriteString("op", c.Op);
                if (!SegmentOps.TakesNoValue(c.Op))
                {
                    w.WritePropertyName("value");
                    Value(w, c);
                }
                break;
        }
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, RuleCondition c)
    {
        switch (c.Field.Kind)
        {
            case ValueKind.Whole: w.WriteNumberValue(c.Value.Whole); break;
            case ValueKind.Money: w.WriteNumberValue(Money.ToDecimal(c.Value.Whole)); break;
            case ValueKind.Probability: w.WriteNumberValue(decimal.Round((decimal)c.Value.Real, 6)); break;
            case ValueKind.Flag: w.WriteBooleanValue(c.Value.Flag); break;
            case ValueKind.Text when !SegmentOps.TakesList(c.Op): w.WriteStringValue(c.Value.Texts[0]); break;
            default:
                w.WriteStartArray();
                foreach (var t in c.Value.Texts)
                    if (c.Field.Refs == RefKind.CouponCampaign) w.WriteNumberValue(long.Parse(t, CultureInfo.InvariantCulture));
                    else w.WriteStringValue(t);
                w.WriteEndArray();
                break;
        }
    }
}
