using System.Text.Json;
using Console.Domain.Events;

namespace Console.Web.Api;

/// <summary>
/// Turns batch items into the domain's text records. JSON scalars become their text; an item that is not an
/// object, or a field holding an object or array, is rejected here since no text could stand for it.
/// </summary>
internal static class IngestJson
{
    public sealed record Mapped<T>(List<T> Items, List<int> Positions, List<Rejection> Rejected)
    {
        /// <summary>The domain numbers its rejections by position in <see cref="Items"/>; clients need batch positions.</summary>
        public IReadOnlyList<Rejection> Merge(IReadOnlyList<Rejection> domain)
        {
            if (domain.Count == 0 && Rejected.Count == 0) return [];
            var all = new List<Rejection>(Rejected.Count + domain.Count);
            all.AddRange(Rejected);
            foreach (var r in domain) all.Add(r with { Index = Positions[r.Index] });
            return Rejection.InOrder(all);
        }
    }

    public static Mapped<T> Map<T>(List<JsonElement> batch, string[] fields, Func<string?[], T> create)
    {
        var mapped = new Mapped<T>(new List<T>(batch.Count), new List<int>(batch.Count), []);
        for (var index = 0; index < batch.Count; index++)
        {
            var item = batch[index];
            if (item.ValueKind != JsonValueKind.Object)
            {
                mapped.Rejected.Add(Rejection.InvalidItem() with { Index = index });
                continue;
            }
            var values = new string?[fields.Length];
            Rejection? refusal = null;
            for (var f = 0; f < fields.Length && refusal is null; f++)
            {
                if (!item.TryGetProperty(fields[f], out var value)) continue;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String: values[f] = value.GetString(); break;
                    case JsonValueKind.Number: values[f] = value.GetRawText(); break;
                    case JsonValueKind.True: values[f] = "true"; break;
                    case JsonValueKind.False: values[f] = "false"; break;
                    case JsonValueKind.Null: break;
                    default: refusal = Rejection.Invalid(fields[f], "must be a single value, not an object or array"); break;
                }
            }
            if (refusal is not null)
            {
                mapped.Rejected.Add(refusal with { Index = index });
                continue;
            }
            mapped.Items.Add(create(values));
            mapped.Positions.Add(index);
        }
        return mapped;
    }
}
