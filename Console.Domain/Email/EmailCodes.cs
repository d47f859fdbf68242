namespace Console.Domain.Email;

/// <summary>Field and refusal codes of email campaigns; the API words them in English, the console through EmailStrings.</summary>
public static class EmailCodes
{
    public const string TemplateSyntax = "template_syntax";      // line, message
    public const string UnknownSegment = "unknown_segment";      // the segment id
    public const string NotUniqueCodes = "coupon_not_unique";    // the coupon campaign id
    public const string AddressShape = "address_shape";

    public const string NotFound = "email_campaign_not_found";   // the campaign id
    public const string AlreadySent = "campaign_already_sent";   // the campaign id
    public const string NotSending = "campaign_not_sending";     // the campaign id
    public const string NoSegmentReader = "segments_unavailable";
}
