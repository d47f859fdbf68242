using System.Data.Common;
using System.Text.RegularExpressions;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>The fields of a coupon campaign as the API and the console forms send them; everything optional until checked.</summary>
public sealed record CouponCampaignInput(string? Name = null, string? Kind = null, decimal? Value = null, decimal? MinSpend = null,
    decimal? MaxDiscount = null, IReadOnlyList<string?>? CourseExternalIds = null, IReadOnlyList<string?>? Categories = null,
    string? Audience = null, IReadOnlyList<string?>? AudienceCustomerExternalIds = null, string? StartsAt = null, string? EndsAt = null,
    long? TotalLimit = null, long? PerCustomerLimit = null, decimal? Budget = null, bool? Stackable = null, long? Priority = null,
    string? Code = null, int? GenerateCodes = null, bool? ReturnUseOnRefund = null, string? Status = null,
    string? LiveSessionExternalId = null, long? ClaimMinutes = null, long? AudienceSegmentId = null);

/// <summary>A checked campaign: ids resolved, money in fen, value in hundredths, times UTC.</summary>
internal sealed record CouponCampaignSpec(string Name, string Kind, long Value, long? MinSpend, long? MaxDiscount, string Eligibility,
    IReadOnlyList<long> CourseIds, IReadOnlyList<string> Categories, string Audience, IReadOnlyList<long> CustomerIds,
    DateTime? StartsAt, DateTime? EndsAt, long? TotalLimit, long? PerCustomerLimit, long? Budget, bool Stackable, long Priority,
    string Status, bool ReturnUseOnRefund, long? LiveSessionId, long? ClaimMinutes, long? SegmentId = null);

/// <summary>The same checks for the API and the console's forms; errors are field codes with their arguments.</summary>
internal static partial class CouponCampaignRules
{
    public const int MaxGeneratedCodes = 10_000;
    private const int MaxListItems = 5_000;

    private sealed record CourseRef(long Id, string ExternalId, long ListPrice);

    public static async Task<CouponCampaignSpec?> CheckAsync(DbConnection connection, DbTransaction? tx, CouponCampaignInput input,
        OrderFields fields, MoneyBounds money, CancellationToken ct)
    {
        var name = fields.Required("name", input.Name, 200);
        var kind = fields.OneOf("kind", input.Kind, "", CouponKinds.All);
        if (kind.Length == 0) fields.Add("kind", FieldCodes.Required);
        var value = fields.Money0("value", input.Value, money);
        if (input.Value is null) fields.Add("value", FieldCodes.Required);
        if (kind == CouponKinds.PercentOff && value > 100_00) fields.Add("value", FieldCodes.PercentOver100);
        var minSpend = fields.Money0("minSpend", input.MinSpend, money);
        var maxDiscount = fields.Money0("maxDiscount", input.MaxDiscount, money);
        var budget = fields.Money0("budget", input.Budget, money);
        var totalLimit = fields.Whole("totalLimit", input.TotalLimit, 0);
        var perCustomer = fields.Whole("perCustomerLimit", input.PerCustomerLimit, 1);
        var priority = fields.Whole("priority", input.Priority, -1_000_000, 1_000_000) ?? 0;
        var claimMinutes = fields.Whole("claimMinutes", input.ClaimMinutes, 1, 7 * 24 * 60);
        var audience = fields.OneOf("audience", input.Audience, Audiences.Everyone, Audiences.WithSegment);
        var status = fields.OneOf("status", input.Status, CampaignStatus.Draft, CampaignStatus.All);
        var startsAt = fields.Time("startsAt", input.StartsAt);
        var endsAt = fields.Time("endsAt", input.EndsAt);
        if (startsAt is not null && endsAt is not null && endsAt <= startsAt) fields.Add("endsAt", FieldCodes.EndsBeforeStart);

        var courseIds = Texts(fields, "courseExternalIds", input.CourseExternalIds, 100);
        var categories = Texts(fields, "categories", input.Categories, 100);
        if (courseIds.Count > 0 && categories.Count > 0)
            fields.Add("courseExternalIds", FieldCodes.CoursesOrCategories);
        var eligibility = courseIds.Count > 0 ? "courses" : categories.Count > 0 ? "categories" : "all";

        var courses = new List<CourseRef>();
        foreach (var externalId in courseIds)
            if (await connection.QuerySingleOrDefaultAsync<CourseRef>(new CommandDefinition(
                """
                SELECT id, external_id AS ExternalId, list_price AS ListPrice FROM courses WHERE external_id = @externalId
                """, new { externalId }, tx, cancellationToken: ct)) is { } course) courses.Add(course);
        var unknownCourses = courseIds.Except(courses.Select(c => c.ExternalId), StringComparer.Ordinal).ToList();
        if (unknownCourses.Count > 0) fields.Add("courseExternalIds", FieldCodes.UnknownCourses, string.Join(", ", unknownCourses.Take(20)));

        if (kind == CouponKinds.FixedPrice && value is { } fixedPrice && eligibility != "all")
        {
            long? lowest = courses.Count == 0 ? null : courses.Min(c => c.ListPrice);
            foreach (var category in eligibility == "categories" ? categories : [])
            {
                var cheapest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    SELECT MIN(list_price) FROM courses WHERE category = @category
                    """, new { category }, tx, cancellationToken: ct));
                if (cheapest < lowest || lowest is null) lowest = cheapest;
            }
            if (fixedPrice > lowest) fields.Add("value", FieldCodes.FixedPriceAboveList);
        }

        var customerExternalIds = Texts(fields, "audienceCustomerExternalIds", input.AudienceCustomerExternalIds, 100);
        List<long> customerIds = [];
        if (audience == Audiences.List)
        {
            if (customerExternalIds.Count == 0) fields.Add("audienceCustomerExternalIds", FieldCodes.ListNeedsCustomers);
            var found = new List<(long Id, string ExternalId)>();
            foreach (var externalId in customerExternalIds)
                if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    SELECT id FROM customers WHERE external_id = @externalId
                    """, new { externalId }, tx, cancellationToken: ct)) is { } id) found.Add((id, externalId));
            var unknown = customerExternalIds.Except(found.Select(c => c.ExternalId), StringComparer.Ordinal).ToList();
            if (unknown.Count > 0) fields.Add("audienceCustomerExternalIds", FieldCodes.UnknownCustomers, string.Join(", ", unknown.Take(20)));
            customerIds = found.Select(c => c.Id).ToList();
        }

        long? liveSessionId = null;
        if (fields.Optional("liveSessionExternalId", input.LiveSessionExternalId) is { } live)
        {
            liveSessionId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                SELECT id FROM live_sessions WHERE external_id = @live
                """, new { live }, tx, cancellationToken: ct));
            if (liveSessionId is null) fields.Add("liveSessionExternalId", FieldCodes.UnknownLiveSession, live);
        }

        var segmentId = audience == Audiences.Segment ? await SegmentAsync(connection, tx, input.AudienceSegmentId, fields, ct) : null;

        if (!fields.Valid) return null;
        // The audience column keeps the store's own words; a segment row beside it narrows 'everyone' to the segment.
        return new CouponCampaignSpec(name, kind, value!.Value, minSpend, maxDiscount, eligibility, courses.Select(c => c.Id).ToList(),
            categories, segmentId is null ? audience : Audiences.Everyone, customerIds, startsAt, endsAt, totalLimit, perCustomer, budget, input.Stackable ?? false, priority,
            status, input.ReturnUseOnRefund ?? false, liveSessionId, claimMinutes, segmentId);
    }

    private static async Task<long?> SegmentAsync(DbConnection connection, DbTransaction? tx, long? segmentId, OrderFields fields,
        CancellationToken ct)
    {
        if (segmentId is null)
        {
            fields.Add("audienceSegmentId", FieldCodes.Required);
            return null;
        }
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                SELECT COUNT(*) FROM segments WHERE id = @segmentId AND archived_at IS NULL
                """, new { segmentId }, tx, cancellationToken: ct)) > 0) return segmentId;
        fields.Add("audienceSegmentId", FieldCodes.UnknownSegment, segmentId);
        return null;
    }

    /// <summary>A shared code as typed by people: letters, digits, '-' and '_'; stored and matched upper-case.</summary>
    public static string? SharedCode(OrderFields fields, string? code)
    {
        var text = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text)) return null;
        if (!CodePattern().IsMatch(text)) fields.Add("code", FieldCodes.CodeShape);
        return text;
    }

    public static string Normalise(string code) => code.Trim().ToUpperInvariant();

    private static List<string> Texts(OrderFields fields, string field, IReadOnlyList<string?>? values, int maxLength)
    {
        var result = new List<string>();
        if (values is { Count: > MaxListItems }) { fields.Add(field, FieldCodes.TooManyItems, MaxListItems); return result; }
        foreach (var value in values ?? [])
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > maxLength) { fields.Add(field, FieldCodes.ItemLength, maxLength); continue; }
            if (!result.Contains(text, StringComparer.Ordinal)) result.Add(text);
        }
        return result;
    }

    [GeneratedRegex("^[A-Z0-9_-]{3,50}$")]
    private static partial Regex CodePattern();
}
