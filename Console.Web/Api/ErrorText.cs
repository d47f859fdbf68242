using System.Collections.Frozen;
using System.Globalization;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.Experiments;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Domain.Partners;

namespace Console.Web.Api;

/// <summary>
/// The API's English for every field error code and refusal code the domain produces, in one table keyed by code. The
/// console words the same codes through its resources ("Err." + code) in the reader's language.
/// </summary>
public static class ErrorText
{
    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>
    {
        [FieldCodes.Required] = "Required.",
        [FieldCodes.TooLong] = "At most {0} characters.",
        [FieldCodes.Between] = "Must be between {0} and {1}.",
        [FieldCodes.AtLeast] = "Must be at least {0}.",
        [FieldCodes.OneOf] = "One of: {0}.",
        [FieldCodes.TooManyDecimals] = "At most 2 decimal places.",
        [FieldCodes.Negative] = "Must not be negative.",
        [FieldCodes.NotPositive] = "Must be greater than 0.",
        [FieldCodes.NotIsoTime] = "An ISO-8601 time with an offset, e.g. 2025-03-01T20:15:00+08:00.",
        [FieldCodes.TooFarAhead] = "More than a day in the future.",
        [FieldCodes.EndsBeforeStart] = "Must be after startsAt.",
        [FieldCodes.ChannelShape] = "A lower-case word of letters, digits or '_' (at most 50).",
        [FieldCodes.ItemLength] = "Items are 1 to {0} characters.",
        [FieldCodes.TooManyItems] = "At most {0} items.",
        [FieldCodes.CodeShape] = "3 to 50 letters, digits, '-' or '_'.",
        [FieldCodes.CodeTaken] = "The code '{0}' is already in use.",
        [FieldCodes.CodeOrGenerated] = "Give either a shared code or generateCodes, not both.",
        [FieldCodes.CodesFixed] = "Codes are set when the campaign is created.",
        [FieldCodes.BelowUses] = "Must be at least the {0} uses already made.",
        [FieldCodes.PercentOver100] = "A percentage is at most 100.",
        [FieldCodes.FixedPriceAboveList] = "A fixed price may not be above the list price of an eligible course.",
        [FieldCodes.CoursesOrCategories] = "Give either courseExternalIds or categories, not both.",
        [FieldCodes.ListNeedsCustomers] = "An audience 'list' needs its customers.",
        [FieldCodes.UnknownCourses] = "Unknown courses: {0}.",
        [FieldCodes.UnknownCustomers] = "Unknown customers: {0}.",
        // The same code as the order refusal: one wording serves both.
        [FieldCodes.UnknownCourse] = "No course with externalId '{0}'.",
        [FieldCodes.UnknownLiveSession] = "No live session with externalId '{0}'.",
        [FieldCodes.GroupPriceAboveList] = "The group price may not be above the list price.",
        [FieldCodes.LeaderPriceAboveGroup] = "The leader's price may not be above the group price.",
        [FieldCodes.FreePriceUnconfirmed] = "A price of 0 gives the course away; confirm it to save.",
        [FieldCodes.TierRepeated] = "Another tier starts at the same amount.",
        [FieldCodes.UrlShape] = "An absolute http or https URL.",
        [FieldCodes.UnknownCampaign] = "No campaign {0}.",
        [FieldCodes.HostNotAllowed] = "'{0}' is not an allowed destination host (Partners:AllowedHosts).",
        [FieldCodes.WeightsSum] = "The weights must add up to 100; they add up to {0}.",
        [FieldCodes.AtLeastItems] = "At least {0} items.",
        [FieldCodes.KeyTaken] = "The key '{0}' is already in use.",
        [FieldCodes.KeyFixed] = "The key is set when the experiment is created.",
        [FieldCodes.KeyShape] = "1 to 50 letters, digits, '-' or '_'.",
        [FieldCodes.CouponOrGroupBuy] = "Give either a coupon campaign or a group-buy campaign, not both.",
        [FieldCodes.StatusChange] = "The status cannot go from {0} to {1}.",
        [FieldCodes.InvalidText] = "Not valid Unicode text, or holds control characters.",
        [FieldCodes.RuleShape] = "A rule is an object with either all or any (a list of rules), or field, op and value (a condition).",
        [FieldCodes.RuleTooDeep] = "Groups nest at most {0} deep.",
        [FieldCodes.UnknownMember] = "Unknown field.",
        [FieldCodes.UnknownSegmentField] = "'{0}' is not a segment field; GET /api/v1/segments/fields lists them.",
        [FieldCodes.OperatorNotAllowed] = "This field's operators are: {0}.",
        [FieldCodes.FieldNotAvailable] = "The field {0} is not available: its source holds no data yet (no active model).",
        [FieldCodes.ValueNotExpected] = "This operator takes no value.",
        [FieldCodes.ExpectsNumber] = "Must be a number.",
        [FieldCodes.ExpectsFlag] = "Must be true or false.",
        [FieldCodes.ExpectsText] = "Must be a string.",
        [FieldCodes.ExpectsTexts] = "Must be a list.",
        [FieldCodes.VariantShape] = "An experiment variant is written experimentKey:variantKey.",
        [FieldCodes.UnknownReferences] = "Unknown: {0}.",
        [FieldCodes.UnknownSegment] = "No segment {0}.",
        [FieldCodes.EmailShape] = "'{0}' is not an email address.",
        [FieldCodes.CourseRepeated] = "The course '{0}' already has a rate in this contract.",

        [OrderRefusals.RefundExceedsPaid] = "Refunding {0:0.00} would exceed what is left to refund ({1:0.00}).",

        [CouponRefusals.NotFound] = "Coupon '{0}' does not exist.",
        [CouponRefusals.NotStarted] = "Coupon '{0}' cannot be used yet: its campaign has not started.",
        [CouponRefusals.Expired] = "Coupon '{0}' cannot be used: its campaign has ended.",
        [CouponRefusals.Paused] = "Coupon '{0}' cannot be used: its campaign is paused.",
        [CouponRefusals.Exhausted] = "Coupon '{0}' cannot be used: its uses or budget ran out.",
        [CouponRefusals.CustomerLimitReached] = "Coupon '{0}' cannot be used: this customer has used it as often as allowed.",
        [CouponRefusals.MinSpendNotMet] = "Coupon '{0}' cannot be used: the course costs less than its minimum spend.",
        [CouponRefusals.CourseNotEligible] = "Coupon '{0}' cannot be used for this course.",
        [CouponRefusals.AudienceNotEligible] = "Coupon '{0}' cannot be used by this customer.",
        [CouponRefusals.NotStackable] = "Coupon '{0}' cannot be combined with the other coupons.",

        [GroupBuyRefusals.TeamFull] = "Team {0} is full.",
        [GroupBuyRefusals.TeamExpired] = "Team {0} is past its window.",
        [GroupBuyRefusals.AlreadyMember] = "This customer is already in team {0}.",
        [GroupBuyRefusals.HasOpenTeam] = "This customer is already in open team {0}.",
        [GroupBuyRefusals.CampaignNotActive] = "Group-buy campaign {0} is not active for this course.",
        [GroupBuyRefusals.CampaignTeamLimit] = "Group-buy campaign {0} has opened as many teams as it may.",
        [GroupBuyRefusals.TeamNotFound] = "Group-buy campaign {0} has no team {1}.",

        [PartnerRefusals.KolExists] = "A KOL with externalId '{0}' already exists.",
        [PartnerRefusals.ContractOverlap] = "The period overlaps contract {0} of this KOL.",
        [PartnerRefusals.CodeTaken] = "The code '{0}' is already in use by a KOL or a coupon.",
        [PartnerRefusals.PayoutAlreadyPaid] = "Payout {0} is already marked paid.",
        [PartnerRefusals.UnknownClick] = "No click has the id '{0}'.",
        [PartnerRefusals.CampaignLinked] = "Coupon campaign {0} is already linked to a KOL.",
        [ExperimentRefusals.NotFound] = "No experiment '{0}'.",
        [ExperimentRefusals.Running] = "Experiment '{0}' has started: its variants and weights are frozen.",
        [ExperimentRefusals.NotRunning] = "Experiment '{0}' is not running.",
        [Console.Domain.Segments.SegmentRefusals.InUse] = "Segment {0} is the audience of a coupon campaign or an experiment that has not ended.",
        [Console.Domain.Surveys.SurveyRefusals.Closed] = "The survey is closed and takes no more responses.",
        [Console.Domain.Surveys.SurveyRefusals.NotOpen] = "The survey is a draft and takes no responses yet.",
        [Console.Domain.Surveys.SurveyRefusals.AlreadyAnswered] = "This link has already been answered by this respondent.",
        [ModelsApi.ModelNotTrained] = "No model of this kind is active yet; train one, or wait for the nightly job.",
        [ModelsApi.UnknownCustomer] = "No customer '{0}'.",
        [Console.Domain.Reports.ReportRefusals.NotReady] = "Report {0} is not ready: it is queued, rendering or failed (GET /api/v1/reports/{0} says which).",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Knows(string code) => Texts.ContainsKey(code);

    /// <summary>The code's English with its arguments; an unknown code is shown as itself rather than lost.</summary>
    public static string English(string code, object[] args) =>
        Texts.TryGetValue(code, out var text) ? string.Format(CultureInfo.InvariantCulture, text, args) : code;

    public static string English(FieldError error) => English(error.Code, error.Args);
}
