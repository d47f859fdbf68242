namespace Console.Domain.Data;

/// <summary>
/// Every field error code the domain produces; the comment gives the arguments in order. Adding one here means adding its
/// English text (Console.Web/Api/ErrorText.cs) and its translations (Resources, "Err." + code), which a test checks.
/// </summary>
public static class FieldCodes
{
    public const string Required = "required";
    public const string TooLong = "too_long";                              // max characters
    public const string Between = "between";                               // min, max
    public const string AtLeast = "at_least";                              // min
    public const string OneOf = "one_of";                                  // the allowed words, comma-separated
    public const string TooManyDecimals = "too_many_decimals";
    public const string Negative = "negative";
    public const string NotPositive = "not_positive";
    public const string NotIsoTime = "not_iso_time";
    public const string TooFarAhead = "too_far_ahead";
    public const string EndsBeforeStart = "ends_before_start";
    public const string ChannelShape = "channel_shape";
    public const string ItemLength = "item_length";                        // max characters
    public const string TooManyItems = "too_many_items";                   // max items
    public const string CodeShape = "code_shape";
    public const string CodeTaken = "code_taken";                          // the code
    public const string CodeOrGenerated = "code_or_generated";
    public const string CodesFixed = "codes_fixed";
    public const string BelowUses = "below_uses";                          // uses already made
    public const string PercentOver100 = "percent_over_100";
    public const string FixedPriceAboveList = "fixed_price_above_list";
    public const string CoursesOrCategories = "courses_or_categories";
    public const string ListNeedsCustomers = "list_needs_customers";
    public const string UnknownCourses = "unknown_courses";                // external ids, comma-separated
    public const string UnknownCustomers = "unknown_customers";            // external ids, comma-separated
    public const string UnknownCourse = "unknown_course";                  // external id
    public const string UnknownLiveSession = "unknown_live_session";       // external id
    public const string GroupPriceAboveList = "group_price_above_list";
    public const string LeaderPriceAboveGroup = "leader_price_above_group";
    public const string FreePriceUnconfirmed = "free_price_unconfirmed";  // the console asks before a price of 0 gives a course away
    public const string TierRepeated = "tier_repeated";
    public const string UrlShape = "url_shape";
    public const string HostNotAllowed = "host_not_allowed";                // the host
    public const string UnknownCampaign = "unknown_campaign";              // the campaign id
    public const string WeightsSum = "weights_sum";                        // the sum given
    public const string AtLeastItems = "at_least_items";                   // min items
    public const string KeyTaken = "key_taken";                            // the key
    public const string KeyFixed = "key_fixed";
    public const string KeyShape = "key_shape";
    public const string CouponOrGroupBuy = "coupon_or_group_buy";
    public const string StatusChange = "status_change";                    // from, to
    public const string InvalidText = "invalid_text";                      // bytes that were not UTF-8, or control characters
    public const string RuleShape = "rule_shape";
    public const string RuleTooDeep = "rule_too_deep";                     // max depth
    public const string UnknownMember = "unknown_member";
    public const string UnknownSegmentField = "unknown_segment_field";     // the field given
    public const string OperatorNotAllowed = "operator_not_allowed";       // the field's operators, comma-separated
    public const string FieldNotAvailable = "field_not_available";         // the field
    public const string ValueNotExpected = "value_not_expected";
    public const string ExpectsNumber = "expects_number";
    public const string ExpectsFlag = "expects_flag";
    public const string ExpectsText = "expects_text";
    public const string ExpectsTexts = "expects_texts";
    public const string VariantShape = "variant_shape";
    public const string UnknownReferences = "unknown_references";         // the ids, comma-separated
    public const string UnknownSegment = "unknown_segment";               // the segment id
    public const string EmailShape = "email_shape";                        // the address given
    public const string CourseRepeated = "course_repeated";                // the course's external id

    public static readonly string[] All =
    [
        Required, TooLong, Between, AtLeast, OneOf, TooManyDecimals, Negative, NotPositive, NotIsoTime, TooFarAhead,
        EndsBeforeStart, ChannelShape, ItemLength, TooManyItems, CodeShape, CodeTaken, CodeOrGenerated, CodesFixed, BelowUses,
        PercentOver100, FixedPriceAboveList, CoursesOrCategories, ListNeedsCustomers, UnknownCourses, UnknownCustomers,
        UnknownCourse, UnknownLiveSession, GroupPriceAboveList, LeaderPriceAboveGroup, FreePriceUnconfirmed,
        TierRepeated, UrlShape, HostNotAllowed, UnknownCampaign,
        WeightsSum, AtLeastItems, KeyTaken, KeyFixed, KeyShape, CouponOrGroupBuy, StatusChange, InvalidText,
        RuleShape, RuleTooDeep, UnknownMember, UnknownSegmentField, OperatorNotAllowed, FieldNotAvailable, ValueNotExpected,
        ExpectsNumber, ExpectsFlag, ExpectsText, ExpectsTexts, VariantShape, UnknownReferences, UnknownSegment,
        EmailShape,
        CourseRepeated,
    ];
}
