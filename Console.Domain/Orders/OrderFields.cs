using System.Globalization;
using System.Text.RegularExpressions;
using Console.Domain.Data;

namespace Console.Domain.Orders;

/// <summary>Checks request fields and collects their errors as codes (FieldCodes) with the values each message needs.</summary>
internal sealed partial class OrderFields
{
    public const int MaxIdLength = 100;
    public const string DefaultChannel = "storefront";

    public FieldErrors Errors { get; } = new();

    public bool Valid => Errors.Valid;

    public void Add(string field, string code, params object[] args) => Errors.Add(field, code, args);

    public string Required(string field, string? value, int maxLength = MaxIdLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) Add(field, FieldCodes.Required);
        else if (text.Length > maxLength) Add(field, FieldCodes.TooLong, maxLength);
        return text ?? "";
    }

    public string? Optional(string field, string? value, int maxLength = MaxIdLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > maxLength) Add(field, FieldCodes.TooLong, maxLength);
        return text;
    }

    public string Channel(string? value)
    {
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return DefaultChannel;
        if (!ChannelPattern().IsMatch(text)) Add("channel", FieldCodes.ChannelShape);
        return text;
    }

    public IReadOnlyList<string> CouponCodes(IReadOnlyList<string?>? codes)
    {
        var result = new List<string>();
        foreach (var code in codes ?? [])
        {
            var text = code?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > MaxIdLength) { Add("couponCodes", FieldCodes.ItemLength, MaxIdLength); continue; }
            if (!result.Contains(text, StringComparer.Ordinal)) result.Add(text);
        }
        return result;
    }

    public GroupBuyRequest? GroupBuy(GroupBuyRequest? groupBuy)
    {
        if (groupBuy is null) return null;
        if (groupBuy.CampaignId is not > 0) Add("groupBuy.campaignId", FieldCodes.Required);
        if (groupBuy.TeamId is <= 0) Add("groupBuy.teamId", FieldCodes.AtLeast, 1);
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
            Add("paidAt", FieldCodes.NotIsoTime);
            return nowUtc;
        }
        var utc = parsed.UtcDateTime;
        if (utc > nowUtc.AddDays(1)) Add("paidAt", FieldCodes.TooFarAhead);
        return utc;
    }

    /// <summary>An optional ISO-8601 time with an offset, as UTC.</summary>
    public DateTime? Time(string field, string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (IsoWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return parsed.UtcDateTime;
        Add(field, FieldCodes.NotIsoTime);
        return null;
    }

    /// <summary>Optional money within the bounds (0 to the configured maximum), in fen.</summary>
    public long? Money0(string field, decimal? amount, MoneyBounds bounds)
    {
        if (amount is null) return null;
        if (!bounds.TryToFen(amount.Value, out var fen, out var code, out var args)) { Add(field, code!, args); return null; }
        return fen;
    }

    /// <summary>Optional whole number within [min, max].</summary>
    public long? Whole(string field, long? value, long min, long max = long.MaxValue)
    {
        if (value is null) return null;
        if (value < min || value > max) {
            if (max == long.MaxValue) Add(field, FieldCodes.AtLeast, min);
            else Add(field, FieldCodes.Between, min, max);
            return null;
        }
        return value;
    }

    /// <summary>One of the given words, or the default when absent.</summary>
    public string OneOf(string field, string? value, string fallback, params string[] allowed)
    {
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!allowed.Contains(text)) Add(field, FieldCodes.OneOf, string.Join(", ", allowed));
        return text;
    }

    /// <summary>Null (the caller's default) when absent; positive whole fen within the bounds otherwise.</summary>
    public long? Amount(string field, decimal? amount, MoneyBounds bounds)
    {
        if (amount is null) return null;
        if (!bounds.TryToFen(amount.Value, out var fen, out var code, out var args)) { Add(field, code!, args); return null; }
        if (fen == 0) { Add(field, FieldCodes.NotPositive); return null; }
        return fen;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
