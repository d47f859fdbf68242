using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>A rate as sent: a percentage (0–100, two decimals) or money per order.</summary>
public sealed record RateInput(string? Kind = null, decimal? Value = null);

public sealed record TierInput(decimal? FromMonthlyNet = null, decimal? Value = null);

public sealed record CourseRateInput(string? CourseExternalId = null, string? Kind = null, decimal? Value = null);

/// <summary>A contract as a client or the console's editor sends it; times ISO-8601 with an offset, money decimal.</summary>
public sealed record ContractInput(string? StartsAt = null, string? EndsAt = null, RateInput? Rate = null,
    IReadOnlyList<TierInput>? Tiers = null, IReadOnlyList<CourseRateInput>? CourseRates = null, decimal? FixedFee = null,
    int? AttributionWindowDays = null, int? HoldingDays = null, string? Binding = null);

/// <summary>A checked contract, ready to store; course rates still by external id.</summary>
public sealed record ContractSpec(DateTime StartsAt, DateTime? EndsAt, Rate Rate, IReadOnlyList<Tier> Tiers,
    IReadOnlyList<CourseRate> CourseRates, long FixedFee, int WindowDays, int HoldingDays, string Binding)
{
    public const int MaxDays = 365;
    public const int MaxItems = 50;

    internal static ContractSpec? Check(ContractInput input, OrderFields fields, MoneyBounds money)
    {
        DateTime? startsAt = null;
        if (string.IsNullOrWhiteSpace(input.StartsAt)) fields.Add("startsAt", FieldCodes.Required);
        else startsAt = fields.Time("startsAt", input.StartsAt);
        var endsAt = fields.Time("endsAt", input.EndsAt);
        if (startsAt is { } s && endsAt is { } e && e <= s) fields.Add("endsAt", FieldCodes.EndsBeforeStart);
        Rate? rate = null;
        if (input.Rate is null) fields.Add("rate", FieldCodes.Required);
        else rate = RateOf(fields, "rate", input.Rate.Kind, input.Rate.Value, money);
        var kind = rate?.Kind ?? KolWords.Percent;
        var tiers = new List<Tier>();
        var tierList = input.Tiers ?? [];
        if (tierList.Count > MaxItems) fields.Add("tiers", FieldCodes.TooManyItems, MaxItems);
        for (var i = 0; i < tierList.Count && i < MaxItems; i++)
        {
            if (tierList[i] is null) { fields.Add($"tiers[{i}]", FieldCodes.Required); continue; }
            var from = tierList[i].FromMonthlyNet is null ? null : fields.Money0($"tiers[{i}].fromMonthlyNet", tierList[i].FromMonthlyNet, money);
            if (tierList[i].FromMonthlyNet is null) fields.Add($"tiers[{i}].fromMonthlyNet", FieldCodes.Required);
            var value = RateOf(fields, $"tiers[{i}]", kind, tierList[i].Value, money);
            if (from is { } f && value is not null)
            {
                if (tiers.Exists(t => t.FromMonthlyNet == f)) fields.Add($"tiers[{i}].fromMonthlyNet", FieldCodes.TierRepeated);
                else tiers.Add(new Tier(f, value.Value));
            }
        }
        var courseRates = new List<CourseRate>();
        var courseList = input.CourseRates ?? [];
        if (courseList.Count > MaxItems) fields.Add("courseRates", FieldCodes.TooManyItems, MaxItems);
        for (var i = 0; i < courseList.Count && i < MaxItems; i++)
        {
            if (courseList[i] is null) { fields.Add($"courseRates[{i}]", FieldCodes.Required); continue; }
            var course = fields.Required($"courseRates[{i}].courseExternalId", courseList[i].CourseExternalId);
            var value = RateOf(fields, $"courseRates[{i}]", courseList[i].Kind, courseList[i].Value, money);
            if (course.Length > 0 && courseRates.Exists(r => r.CourseExternalId == course))
                fields.Add($"courseRates[{i}].courseExternalId", FieldCodes.CourseRepeated, course);
            else if (course.Length > 0 && value is not null) courseRates.Add(new CourseRate(course, value.Kind, value.Value));
        }
        var fee = fields.Money0("fixedFee", input.FixedFee, money) ?? 0;
        var window = (int)(fields.Whole("attributionWindowDays", input.AttributionWindowDays, 1, MaxDays) ?? KolWords.DefaultWindowDays);
        var holding = (int)(fields.Whole("holdingDays", input.HoldingDays, 0, MaxDays) ?? KolWords.DefaultHoldingDays);
        var binding = fields.OneOf("binding", input.Binding, KolWords.LastTouch, KolWords.Bindings);
        if (!fields.Valid || startsAt is null || rate is null) return null;
        return new ContractSpec(startsAt.Value, endsAt, rate, tiers.OrderBy(t => t.FromMonthlyNet).ToList(), courseRates, fee, window,
            holding, binding);
    }

    /// <summary>A percentage becomes hundredths of a percent, money becomes fen; errors are named after the field's value.</summary>
    private static Rate? RateOf(OrderFields fields, string field, string? kindText, decimal? value, MoneyBounds money)
    {
        var kind = fields.OneOf($"{field}.kind", kindText, KolWords.Percent, KolWords.RateKinds);
        if (value is null) { fields.Add($"{field}.value", FieldCodes.Required); return null; }
        if (kind == KolWords.Percent)
        {
            if (value < 0 || value > 100) { fields.Add($"{field}.value", FieldCodes.PercentOver100); return null; }
            if (!Money.TryToFen(value.Value, out var hundredths)) { fields.Add($"{field}.value", FieldCodes.TooManyDecimals); return null; }
            return new Rate(kind, hundredths);
        }
        var fen = fields.Money0($"{field}.value", value, money);
        return fen is { } f && KolWords.RateKinds.Contains(kind) ? new Rate(kind, f) : null;
    }
}
