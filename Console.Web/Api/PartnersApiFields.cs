using Console.Domain.Data;
using Console.Domain.Partners;
using static Console.Web.Api.ApiFields;

namespace Console.Web.Api;

/// <summary>What each field of the Partners requests means and accepts, for the OpenAPI document.</summary>
internal static class PartnersApiFields
{
    private const string Keep = " On update, left out keeps the stored value.";

    private static Field Id(string what, bool required = false) =>
        new($"{what}, at most {IngestFields.MaxIdLength} characters.", Required: required, MaxLength: IngestFields.MaxIdLength);

    private static Field Rate(string what) => new(what + " A percentage (0 to 100, 2 places) for percent; money per order for flat.", Kinds.Money);

    private const string Time = " ISO-8601 with an offset, e.g. 2026-12-01T00:00:00+08:00.";

    public static readonly Dictionary<Type, IReadOnlyDictionary<string, Field>> Requests = new()
    {
        [typeof(KolInput)] = new Dictionary<string, Field>
        {
            ["externalId"] = Id("Your id of the KOL, unique; required on create"),
            ["name"] = new("The KOL's name; required on create." + Keep, MaxLength: 200),
            ["platform"] = new("Where the KOL has its audience; default other." + Keep, Kinds.Word, Words: KolWords.Platforms),
            ["handle"] = new("The KOL's handle on that platform." + Keep, MaxLength: 200),
            ["email"] = new("Contact email; also the payout account when set." + Keep, MaxLength: 320),
            ["phone"] = new("Contact phone." + Keep, MaxLength: 50),
            ["customerExternalId"] = Id("The KOL's own customer account, so that its own purchases earn nothing (self_referral)"),
            ["status"] = new("active, or paused (wins no new orders); default active." + Keep, Kinds.Word, Words: KolWords.Statuses),
        },
        [typeof(ContractInput)] = new Dictionary<string, Field>
        {
            ["startsAt"] = new("When the contract starts." + Time, Kinds.Time, Required: true),
            ["endsAt"] = new("When it ends (exclusive); left out runs on. Must be after startsAt." + Time, Kinds.Time),
            ["rate"] = new("The base rate: { kind: percent|flat, value }.", Required: true),
            ["tiers"] = new("Rates by the KOL's net attributed sales in the business-time-zone month: [{ fromMonthlyNet, value }], in the rate's kind; the tier reached applies to the whole month once it closes.", Kinds.List, MaxItems: ContractSpec.MaxItems),
            ["courseRates"] = new("Rates for single courses, beating the base rate: [{ courseExternalId, kind, value }].", Kinds.List, MaxItems: ContractSpec.MaxItems),
            ["fixedFee"] = new("The KOL's fixed (appearance) fee, counted in ROI. A decimal in the shop currency with at most 2 places.", Kinds.Money),
            ["attributionWindowDays"] = new("How long after a click an order is attributed to it; default 7.", Kinds.Whole, Min: 1, Max: ContractSpec.MaxDays),
            ["holdingDays"] = new("How long a commission stays pending after payment; default 15.", Kinds.Whole, Min: 0, Max: ContractSpec.MaxDays),
            ["binding"] = new("last_touch (the latest click wins, default) or first_touch (the first KOL keeps the customer, 锁客).", Kinds.Word, Words: KolWords.Bindings),
        },
        [typeof(RateInput)] = new Dictionary<string, Field>
        {
            ["kind"] = new("percent or flat; default percent.", Kinds.Word, Words: KolWords.RateKinds),
            ["value"] = Rate("The rate."),
        },
        [typeof(TierInput)] = new Dictionary<string, Field>
        {
            ["fromMonthlyNet"] = new("The monthly net attributed sales from which the tier applies. A decimal in the shop currency.", Kinds.Money, Required: true),
            ["value"] = Rate("The tier's rate, in the contract rate's kind."),
        },
        [typeof(CourseRateInput)] = new Dictionary<string, Field>
        {
            ["courseExternalId"] = Id("The course; an unknown one is a field error", required: true),
            ["kind"] = new("percent or flat; default percent.", Kinds.Word, Words: KolWords.RateKinds),
            ["value"] = Rate("The course's rate."),
        },
        [typeof(AddKolCode.Command)] = new Dictionary<string, Field>
        {
            ["code"] = new("3 to 50 letters, digits, '-' or '_', stored in upper case; left out, a speakable code is generated.", MaxLength: 50),
        },
        [typeof(AddLink.Command)] = new Dictionary<string, Field>
        {
            ["destinationUrl"] = new("Where the link sends people: an http or https URL on a host of Partners:AllowedHosts.", Required: true, MaxLength: AddLink.MaxUrlLength),
            ["courseExternalId"] = Id("The course the link promotes"),
            ["liveSessionExternalId"] = Id("The live session the link promotes"),
            ["label"] = new("A name for the marketer, e.g. where the link is posted.", MaxLength: 200),
        },
        [typeof(LinkCouponCampaign.Command)] = new Dictionary<string, Field>
        {
            ["campaignId"] = new("The coupon campaign whose codes attribute orders to this KOL.", Kinds.Whole, Required: true, Min: 1),
        },
        [typeof(MarkPayout.PaidCommand)] = new Dictionary<string, Field>
        {
            ["reference"] = new("The transfer's reference at the bank or payment system, kept in the audit log.", MaxLength: 200),
        },
        [typeof(CreatePayout.Command)] = new Dictionary<string, Field>
        {
            ["periodEnd"] = new("The last business day whose lines are gathered, e.g. 2026-11-30.", Required: true, MaxLength: 40),
        },
    };
}
