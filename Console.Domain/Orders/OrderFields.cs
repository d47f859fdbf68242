using System.Globalization;
using System.Text.RegularExpressions;
using Console.Domain.Data;

namespace Console.Domain.Orders;

/// <summary>Checks order request fields and collects "field → messages" the way the API reports them.</summary>
internal sealed partial class OrderFields
{
    public const int MaxIdLength = 100;
    public const string DefaultChannel = "storefront";
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Valid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }

    public string Required(string field, string? value, int maxLength = MaxIdLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) Add(field, "Required.");
        else if (text.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        return text ?? "";
    }

    public string? Optional(string field, string? value, int maxLength = MaxIdLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        return text;
    }

    public string Channel(string? value)
    {
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return DefaultChannel;
        if (!ChannelPattern().IsMatch(text)) Add("channel", "A lower-case word of letters, digits or '_' (at most 50).");
        return text;
    }

    public IReadOnlyList<string> CouponCodes(IReadOnlyList<string?>? codes)
    {
        var result = new List<string>();
        foreach (var code in codes ?? [])
        {
            var text = code?.Trim();
            if (string.IsNullOrEmpty(text)) { Add("couponCodes", "A coupon code is empty."); continue; }
            if (text.Length > MaxIdLength) { Add("couponCodes", $"A coupon code has at most {MaxIdLength} characters."); continue; }
            if (!result.Contains(text, StringComparer.Ordinal)) result.Add(text);
        }
        return result;
    }

    public GroupBuyRequest? GroupBuy(GroupBuyRequest? groupBuy)
    {
        if (groupBuy is null) return null;
        if (groupBuy.CampaignId is not > 0) Add("groupBuy.campaignId", "Required: the group-buy campaign id.");
        if (groupBuy.TeamId is <= 0) Add("groupBuy.teamId", "Must be a team id.");
        return groupBuy;
    }

    /// <summary>ISO-8601 with an offset (Z or ±hh:mm), stored as UTC; missing means now; more than a day ahead is refused.</summary>
    public DateTime PaidAt(string? value, DateTime nowUtc)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return nowUtc;
        if (!IsoWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            Add("paidAt", "An ISO-8601 time with an offset, e.g. 2025-03-01T20:15:00+08:00.");
            return nowUtc;
        }
        var utc = parsed.UtcDateTime;
        if (utc > nowUtc.AddDays(1)) Add("paidAt", "More than a day in the future.");
        return utc;
    }

    /// <summary>An optional ISO-8601 time with an offset, as UTC.</summary>
    public DateTime? Time(string field, string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (IsoWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return parsed.UtcDateTime;
        Add(field, "An ISO-8601 time with an offset, e.g. 2025-03-01T20:15:00+08:00.");
        return null;
    }

    /// <summary>Optional money within the bounds (0 to the configured maximum), in fen.</summary>
    public long? Money0(string field, decimal? amount, MoneyBounds bounds)
    {
        if (amount is null) return null;
        if (!bounds.TryToFen(amount.Value, out var fen, out var refusal)) { Add(field, refusal!); return null; }
        return fen;
    }

    /// <summary>Optional whole number within [min, max].</summary>
    public long? Whole(string field, long? value, long min, long max = long.MaxValue)
    {
        if (value is null) return null;
        if (value < min || value > max) { Add(field, max == long.MaxValue ? $"Must be at least {min}." : $"Must be between {min} and {max}."); return null; }
        return value;
    }

    /// <summary>One of the given words, or the default when absent.</summary>
    public string OneOf(string field, string? value, string fallback, params string[] allowed)
    {
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!allowed.Contains(text)) Add(field, $"One of: {string.Join(", ", allowed)}.");
        return text;
    }

    /// <summary>Null (the caller's default) when absent; positive whole fen within the bounds otherwise.</summary>
    public long? Amount(string field, decimal? amount, MoneyBounds bounds)
    {
        if (amount is null) return null;
        if (!bounds.TryToFen(amount.Value, out var fen, out var refusal)) { Add(field, refusal!); return null; }
        if (fen == 0) { Add(field, "Must be greater than 0."); return null; }
        return fen;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
