using Console.Domain.Data;
using Console.Domain.Segments;
using Dapper;

namespace Console.Domain.Email;

/// <summary>A valid campaign body: sanitised HTML and every field checked, each error beside its field.</summary>
public sealed record EmailCampaignSpec(string Name, long SegmentId, string Subject, string Html, string? Text, string? FromName, DateTime? SendAt,
    bool RepeatWeekly, string? Trigger, long? CouponCampaignId, int Recommendations, int HoldoutPercent);

public static class EmailCampaignRules
{
    public const int MaxHtml = 200_000;

    private const string CouponSql =
        """
        SELECT COUNT(*) FROM coupon_codes WHERE campaign_id = @id AND is_unique = 1
        """;

    private const string CouponExistsSql = "SELECT COUNT(*) FROM coupon_campaigns WHERE id = @id";

    /// <summary>Null with the errors filled in when the body is not valid.</summary>
    public static async Task<EmailCampaignSpec?> CheckAsync(Db db, ISegmentMembers? segments, EmailCampaignInput input, FieldErrors errors,
        CancellationToken ct)
    {
        var name = Text(input.Name, "name", 200, required: true, errors);
        var subject = Text(input.Subject, "subject", 300, required: true, errors);
        var html = Text(input.Html, "html", MaxHtml, required: true, errors);
        var text = Text(input.Text, "text", MaxHtml, required: false, errors);
        var fromName = Text(input.FromName, "fromName", 100, required: false, errors);
        Template(subject, "subject", errors);
        Template(html, "html", errors);
        Template(text, "text", errors);
        if (input.SegmentId is not { } segmentId) errors.Add("segmentId", FieldCodes.Required);
        else if (segments is null) errors.Add("segmentId", EmailCodes.NoSegmentReader);
        else if (!await segments.ExistsAsync(segmentId, ct)) errors.Add("segmentId", EmailCodes.UnknownSegment, segmentId);
        DateTime? sendAt = null;
        if (!string.IsNullOrWhiteSpace(input.SendAt))
        {
            if (IsoTime.TryParse(input.SendAt, out var at)) sendAt = at;
            else errors.Add("sendAt", FieldCodes.NotIsoTime);
        }
        if (input.RepeatWeekly == true && input.SendAt is null) errors.Add("sendAt", FieldCodes.Required);
        if (input.Trigger is { } trigger && !EmailTriggers.All.Contains(trigger))
            errors.Add("trigger", FieldCodes.OneOf, string.Join(", ", EmailTriggers.All));
        if (input.Recommendations is < 0 or > 10) errors.Add("recommendations", FieldCodes.Between, 0, 10);
        if (input.HoldoutPercent is < 0 or > 50) errors.Add("holdoutPercent", FieldCodes.Between, 0, 50);
        if (input.CouponCampaignId is { } couponId)
        {
            await using var connection = await db.OpenAsync(ct);
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(CouponExistsSql, new { id = couponId }, cancellationToken: ct)) == 0)
                errors.Add("couponCampaignId", FieldCodes.UnknownCampaign, couponId);
            else if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(CouponSql, new { id = couponId }, cancellationToken: ct)) == 0)
                errors.Add("couponCampaignId", EmailCodes.NotUniqueCodes, couponId);
        }
        if (!errors.Valid) return null;
        var clean = HtmlBody.Sanitise(html!);
        Template(clean, "html", errors);
        if (!errors.Valid) return null;
        return new EmailCampaignSpec(name!, input.SegmentId!.Value, subject!, clean, text, fromName, sendAt, input.RepeatWeekly == true,
            input.Trigger, input.CouponCampaignId, input.Recommendations ?? 0, input.HoldoutPercent ?? 0);
    }

    private static string? Text(string? value, string field, int max, bool required, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) errors.Add(field, FieldCodes.Required);
            return null;
        }
        if (trimmed.Length > max) errors.Add(field, FieldCodes.TooLong, max);
        return trimmed;
    }

    private static void Template(string? source, string field, FieldErrors errors)
    {
        if (source is null || errors.Has(field)) return;
        // raw would let markup through unencoded, past the sanitiser.
        if (source.Contains("{% raw", StringComparison.OrdinalIgnoreCase) || source.Contains("{%- raw", StringComparison.OrdinalIgnoreCase))
            errors.Add(field, EmailCodes.TemplateSyntax, LineOf(source, "raw"), "The raw tag is not allowed.");
        else if (EmailTemplate.Check(source) is { } error) errors.Add(field, EmailCodes.TemplateSyntax, error.Line, error.Message);
    }

    private static int LineOf(string source, string word) => source[..Math.Max(0, source.IndexOf(word, StringComparison.OrdinalIgnoreCase))].Count(c => c == '\n') + 1;
}
