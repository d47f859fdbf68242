using System.Text.Json.Nodes;
using Console.Domain.Coupons;
using Console.Domain.Courses;
using Console.Domain.Customers;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.GroupBuys;
using Console.Domain.LiveSessions;
using Console.Domain.Orders;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Console.Web.Api;

/// <summary>
/// What each request field means and accepts, for the OpenAPI document. Batch items are read as text, so their JSON type
/// is stated here rather than taken from the record; a test checks that every field of every schema is described.
/// </summary>
internal static class ApiFields
{
    public enum Kinds { Text, Money, Time, Whole, Flag, Number, Word, List }

    public sealed record Field(string Description, Kinds Kind = Kinds.Text, bool Required = false, int? MaxLength = null,
        long? Min = null, long? Max = null, string[]? Words = null, int? MaxItems = null);

    private const string Upsert = " Left out or null keeps the stored value.";

    private static Field Id(string what, bool required = true) =>
        new($"{what}, at most {IngestFields.MaxIdLength} characters.", Required: required, MaxLength: IngestFields.MaxIdLength);
    private static Field Text(string what, int max, bool required = false) => new(what, Required: required, MaxLength: max);
    private static Field Money(string what, bool required = false) =>
        new($"{what} A decimal in the shop currency with at most 2 places, from 0 to 100000000.", Kinds.Money, required);
    private static Field Time(string what, bool required = false) =>
        new($"{what} ISO-8601 with an offset, e.g. 2026-11-28T20:00:00+08:00.", Kinds.Time, required);
    private static Field Whole(string what, long? min = null, long? max = null, bool required = false) =>
        new(what, Kinds.Whole, required, Min: min, Max: max);
    private static Field Word(string what, string[] words, bool required = false) => new(what, Kinds.Word, required, Words: words);

    public static readonly IReadOnlyDictionary<Type, IReadOnlyDictionary<string, Field>> Requests = new Dictionary<Type, IReadOnlyDictionary<string, Field>>
    {
        [typeof(CustomerIn)] = new Dictionary<string, Field>
        {
            ["externalId"] = Id("The platform's id of the customer; the upsert key"),
            ["email"] = Text("Email address." + Upsert, 320),
            ["name"] = Text("Display name." + Upsert, 200),
            ["phone"] = Text("Phone number." + Upsert, 50),
            ["city"] = Text("City." + Upsert, 100),
            ["source"] = Text("Acquisition source as the platform names it, e.g. organic_search or kol." + Upsert, 100),
            ["emailOptIn"] = new("Whether the customer accepts marketing email." + Upsert, Kinds.Flag),
            ["createdAt"] = Time("When the customer signed up on the platform; defaults to when first stored."),
        },
        [typeof(CourseIn)] = new Dictionary<string, Field>
        {
            ["externalId"] = Id("The platform's id of the course; the upsert key"),
            ["title"] = Text("Course title.", 300, required: true),
            ["listPrice"] = Money("List price before any discount.", required: true),
            ["category"] = Text("Category as the platform names it." + Upsert, 100),
            ["lecturer"] = Text("Lecturer's name." + Upsert, 200),
            ["status"] = Text("Course status as the platform names it, e.g. active or retired; stored in lower case." + Upsert, 20),
        },
        [typeof(LiveSessionIn)] = new Dictionary<string, Field>
        {
            ["externalId"] = Id("The platform's id of the live session; the upsert key"),
            ["courseExternalId"] = Id("The course sold in the session; an unknown one rejects the item (unknown_course)"),
            ["title"] = Text("Session title.", 300, required: true),
            ["platform"] = Text("Where it streams, e.g. douyin, wechat_channels or own_room." + Upsert, 50),
            ["host"] = Text("Host's name." + Upsert, 200),
            ["scheduledAt"] = Time("Planned start."),
            ["startedAt"] = Time("Actual start."),
            ["endedAt"] = Time("Actual end."),
            ["peakViewers"] = Whole("Most viewers at one time.", 0),
        },
        [typeof(EventIn)] = new Dictionary<string, Field>
        {
            ["eventId"] = Id("The platform's id of the event; sending it again counts as a duplicate"),
            ["customerExternalId"] = Id("Who did it; an unknown customer is created as a stub"),
            ["type"] = Word("What happened; another word rejects the item (unknown_type).",
                IngestEvents.Types.Order(StringComparer.Ordinal).ToArray(), required: true),
            ["occurredAt"] = Time("When it happened; more than a day ahead rejects the item (occurred_in_future).", required: true),
            ["courseExternalId"] = Id("The course it concerns; an unknown one rejects the item (unknown_course)", required: false),
            ["liveSessionExternalId"] = Id("The live session it happened in; an unknown one rejects the item (unknown_live_session)", required: false),
            ["value"] = new("A measure of the event: seconds watched for watch.", Kinds.Number),
            ["couponCode"] = Id("For coupon_claim, the code claimed; a code no campaign holds rejects the item (unknown_coupon_code)", required: false),
            ["clickId"] = Id("The cc_click a tracked link put on the landing URL: ties this customer to that click; an unknown one rejects the item (unknown_click)", required: false),
        },
        [typeof(QuoteOrder.Command)] = new Dictionary<string, Field>
        {
            ["customerExternalId"] = Id("Who would buy; an unknown customer is priced as a new one"),
            ["courseExternalId"] = Id("The course to price; an unknown one is refused (unknown_course)"),
            ["couponCodes"] = new("Coupon codes to apply; refused ones are listed in rejectedCoupons with their reason.", Kinds.List),
            ["referralCode"] = Id("A partner's referral code, if the buyer came with one", required: false),
            ["groupBuy"] = new("Open a team ({ campaignId }) or join one ({ campaignId, teamId }) to get the group price."),
        },
        [typeof(CreateOrder.Command)] = new Dictionary<string, Field>
        {
            ["orderId"] = Id("The platform's order id; sending it again returns the stored order with 200 and redeems nothing"),
            ["customerExternalId"] = Id("Who paid; an unknown customer is created as a stub"),
            ["courseExternalId"] = Id("The course bought; an unknown one is refused (unknown_course)"),
            ["couponCodes"] = new("Coupon codes to redeem; any refused coupon refuses the whole order with its code.", Kinds.List),
            ["referralCode"] = Id("A partner's referral code, if the buyer came with one", required: false),
            ["liveSessionExternalId"] = Id("The live session the order came from; an unknown one is refused (unknown_live_session)", required: false),
            ["channel"] = Text("Where the order was placed: a lower-case word of letters, digits or '_'; default storefront.", 50),
            ["groupBuy"] = new("Open a team ({ campaignId }) or join one ({ campaignId, teamId }); the order then waits for the team (awaiting_group)."),
            ["paidAt"] = Time("When the platform was paid; default now; more than a day ahead is a field error."),
            ["clickId"] = Id("The cc_click of the tracked link the buyer came through; it may attribute the order to a KOL; an unknown one is refused (unknown_click)", required: false),
        },
        [typeof(GroupBuyRequest)] = new Dictionary<string, Field>
        {
            ["campaignId"] = Whole("The group-buy campaign.", 1, required: true),
            ["teamId"] = Whole("The team to join; left out opens a new team with this customer as leader.", 1),
        },
        [typeof(RefundOrder.Command)] = new Dictionary<string, Field>
        {
            ["amount"] = Money("How much to refund; left out refunds the rest. More than is left is refused (refund_exceeds_paid)."),
            ["reason"] = Text("Why, for the audit trail.", RefundOrder.MaxReasonLength),
        },
        [typeof(ValidateCoupon.Command)] = new Dictionary<string, Field>
        {
            ["code"] = Id("The coupon code to check"),
            ["customerExternalId"] = Id("Who would use it"),
            ["courseExternalId"] = Id("The course it would be used on; an unknown one is refused (unknown_course)"),
        },
        [typeof(CouponCampaignInput)] = new Dictionary<string, Field>
        {
            ["name"] = Text("Campaign name. Required on create.", 200),
            ["kind"] = Word("How the discount is computed. Required on create.", CouponKinds.All),
            ["value"] = new("Required on create. The percentage (0 to 100, 2 places) for percent_off; otherwise money: a decimal in the shop currency with at most 2 places, from 0 to 100000000.", Kinds.Money),
            ["minSpend"] = Money("The list price a course must reach for the coupon to apply."),
            ["maxDiscount"] = Money("The most one use may take off (useful with percent_off)."),
            ["courseExternalIds"] = new("The courses it applies to; give these or categories, not both; neither means every course.", Kinds.List),
            ["categories"] = new("The course categories it applies to.", Kinds.List),
            ["audience"] = Word("Who may use it; default everyone.", Audiences.WithSegment),
            ["audienceCustomerExternalIds"] = new("The customers of an audience 'list'.", Kinds.List, MaxItems: 5_000),
            ["audienceSegmentId"] = Whole("The saved segment of an audience 'segment'; checked for the customer at checkout.", 1),
            ["startsAt"] = Time("First moment it may be used; left out means at once."),
            ["endsAt"] = Time("Moment it stops; left out means no end; must be after startsAt."),
            ["totalLimit"] = Whole("Uses allowed in all; left out means no limit.", 1),
            ["perCustomerLimit"] = Whole("Uses allowed per customer; left out means no limit.", 1),
            ["budget"] = Money("Total discount the campaign may give; left out means no budget."),
            ["stackable"] = new("Whether it combines with other stackable coupons on one order.", Kinds.Flag),
            ["priority"] = Whole("Higher applies first when coupons stack."),
            ["code"] = Text("One shared code: 3 to 50 letters, digits, '-' or '_'. Set on create only.", 50),
            ["generateCodes"] = Whole("How many single-use codes to generate instead of a shared code. Set on create only.", 1, 10_000),
            ["returnUseOnRefund"] = new("Whether a full refund gives the use (and the code) back.", Kinds.Flag),
            ["status"] = Word("Default draft.", CampaignStatus.All),
            ["liveSessionExternalId"] = Id("The live session it is pushed in (for live_claimers)", required: false),
            ["claimMinutes"] = Whole("How long after a claim the coupon stays usable.", 1),
        },
        [typeof(CreateGroupBuyCampaign.Input)] = new Dictionary<string, Field>
        {
            ["name"] = Text("Campaign name.", 200, required: true),
            ["courseExternalId"] = Id("The course sold at the group price"),
            ["teamSize"] = Whole("Members a team needs to succeed, the leader included.", 2, required: true),
            ["groupPrice"] = Money("Price each member pays; not above the list price.", required: true),
            ["leaderPrice"] = Money("Price the leader pays; not above the group price; default the group price."),
            ["teamWindowMinutes"] = Whole("Minutes a team has to fill up before it fails.", 1, CreateGroupBuyCampaign.MaxWindowMinutes, required: true),
            ["startsAt"] = Time("First moment a team may be opened."),
            ["endsAt"] = Time("Moment no more teams may be opened; must be after startsAt."),
            ["maxTeams"] = Whole("Teams the campaign may open in all; left out means no limit.", 1),
            ["status"] = Word("Default draft.", CampaignStatus.All),
        },
        [typeof(StatisticsApi.ProportionArmInput)] = new Dictionary<string, Field>
        {
            ["n"] = Whole("Users in the arm; at least 1.", 1, required: true),
            ["conversions"] = Whole("Users of the arm who converted; from 0 to n.", 0, required: true),
        },
        [typeof(StatisticsApi.ProportionsInput)] = StatisticsFields.Pair("n, conversions"),
        [typeof(StatisticsApi.MeanArmInput)] = StatisticsFields.MeanArm(),
        [typeof(StatisticsApi.MeansInput)] = StatisticsFields.Pair("n with mean and sd, or n with sum and sumSquares"),
        [typeof(StatisticsApi.SequentialArmInput)] = StatisticsFields.SequentialArm(),
        [typeof(StatisticsApi.SequentialInput)] = StatisticsFields.Sequential(),
        [typeof(StatisticsApi.SrmInput)] = new Dictionary<string, Field>
        {
            ["observed"] = new("Users seen in each arm, in the order of the weights; at least two arms.", Kinds.List, true),
            ["weights"] = new("Each arm's planned share, as shares adding up to 1 or percentages adding up to 100.", Kinds.List, true),
        },
        [typeof(StatisticsApi.SampleSizeInput)] = StatisticsFields.SampleSize(),
        [typeof(TextApi.SentimentItem)] = new Dictionary<string, Field>
        {
            ["id"] = Text("The caller's id of the text, given back with its score.", TextApi.MaxIdLength, required: true),
            ["text"] = Text("The text, in Chinese or English; its language is detected.", TextApi.MaxTextLength, required: true),
        },
        [typeof(TextApi.KeywordsRequest)] = new Dictionary<string, Field>
        {
            ["texts"] = new($"The texts, 1 to {TextApi.MaxKeywordTexts:N0}, each at most {TextApi.MaxTextLength:N0} characters, Chinese or English.", Kinds.List, Required: true, MaxItems: TextApi.MaxKeywordTexts),
            ["top"] = Whole("How many terms to answer; default 20.", 1, TextApi.MaxTop),
        },
        [typeof(ModelsApi.ActivateInput)] = new Dictionary<string, Field>
        {
            ["reason"] = Text("Why this version is activated; kept in the audit entry.", 500),
        },
    }.Concat(PartnersApiFields.Requests).Concat(SegmentsApiFields.Requests).Concat(ReportsApiFields.Requests).Concat(EmailApiFields.Requests).ToDictionary();

    /// <summary>Gives the documented fields of a request record their description, JSON type, format, limits and required list.</summary>
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        // Money in answers is decimal too: clients should not read prices into binary floating point.
        if (context.JsonTypeInfo.Type == typeof(decimal) || context.JsonTypeInfo.Type == typeof(decimal?)) schema.Format = "decimal";
        if (!Requests.TryGetValue(context.JsonTypeInfo.Type, out var fields) || schema.Properties is null)
            return Task.CompletedTask;
        foreach (var (name, field) in fields)
        {
            if (!schema.Properties.TryGetValue(name, out var property) || property is not OpenApiSchema p) continue;
            Apply(p, field);
            if (field.Required) (schema.Required ??= new HashSet<string>()).Add(name);
        }
        return Task.CompletedTask;
    }

    private static void Apply(OpenApiSchema p, Field field)
    {
        p.Description = field.Description;
        var nullable = field.Required ? 0 : JsonSchemaType.Null;
        switch (field.Kind)
        {
            case Kinds.Money:
                p.Type = JsonSchemaType.Number | nullable;
                p.Format = "decimal";
                p.Minimum = "0";
                p.Maximum = "100000000";
                p.MultipleOf = 0.01m;
                p.Pattern = null;
                break;
            case Kinds.Time:
                p.Type = JsonSchemaType.String | nullable;
                p.Format = "date-time";
                break;
            case Kinds.Whole:
                p.Type = JsonSchemaType.Integer | nullable;
                p.Format = "int64";
                p.Pattern = null;
                if (field.Min is { } min) p.Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (field.Max is { } max) p.Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case Kinds.Number:
                p.Type = JsonSchemaType.Number | nullable;
                p.Format = "double";
                break;
            case Kinds.Flag:
                p.Type = JsonSchemaType.Boolean | nullable;
                break;
            case Kinds.Word:
                p.Type = JsonSchemaType.String | nullable;
                p.Enum = [.. field.Words!.Select(w => (JsonNode)JsonValue.Create(w))];
                break;
            case Kinds.List:
                if (field.MaxItems is { } items) p.MaxItems = items;
                break;
            default:
                if (p.Type is { } t && t.HasFlag(JsonSchemaType.String) && field.MaxLength is { } length)
                {
                    p.Type = JsonSchemaType.String | nullable;
                    p.MaxLength = length;
                    if (field.Required) p.MinLength = 1;
                }
                break;
        }
    }
}
