namespace Console.Domain.Partners;

/// <summary>The words of API.md "Partners (KOL)" that the store and clients share.</summary>
public static class KolWords
{
    public static readonly string[] Platforms = ["douyin", "wechat_channels", "bilibili", "xiaohongshu", "weibo", "own", "other"];
    public static readonly string[] Statuses = [Active, Paused];
    public const string Active = "active";
    public const string Paused = "paused";

    public const string Percent = "percent";
    public const string Flat = "flat";
    public static readonly string[] RateKinds = [Percent, Flat];

    public const string LastTouch = "last_touch";
    public const string FirstTouch = "first_touch";
    public static readonly string[] Bindings = [LastTouch, FirstTouch];

    public const int DefaultWindowDays = 7;
    public const int DefaultHoldingDays = 15;
}

/// <summary>How an order came to a KOL.</summary>
public static class AttributionVia
{
    public const string Code = "code";
    public const string Link = "link";
    public const string LiveSession = "live_session";
}

/// <summary>Commission line kinds and states.</summary>
public static class LineWords
{
    public const string Commission = "commission";
    public const string Clawback = "clawback";
    public const string Adjustment = "adjustment";
    public static readonly string[] Kinds = [Commission, Clawback, Adjustment];

    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Paid = "paid";
    public static readonly string[] Statuses = [Pending, Approved, Paid];
}

/// <summary>The refusal codes of the Partners endpoints.</summary>
public static class PartnerRefusals
{
    public const string KolExists = "kol_exists";
    public const string ContractOverlap = "contract_overlap";
    public const string CodeTaken = "code_taken";
    public const string PayoutAlreadyPaid = "payout_already_paid";
    public const string UnknownClick = "unknown_click";
    public const string CampaignLinked = "campaign_linked";
    public static readonly string[] All = [KolExists, ContractOverlap, CodeTaken, PayoutAlreadyPaid, UnknownClick, CampaignLinked];
}

/// <summary>The fraud signals of API.md: shown to a Manager, never applied by themselves.</summary>
public static class FraudSignalKinds
{
    public const string SelfReferral = "self_referral";
    public const string RefundHeavy = "refund_heavy";
    public const string ClickBurst = "click_burst";
    public const string InstantOrders = "instant_orders";
    public static readonly string[] All = [SelfReferral, RefundHeavy, ClickBurst, InstantOrders];
}

/// <summary>A rate as stored: hundredths of a percent for percent (12.5% = 1250), fen per order for flat.</summary>
public sealed record Rate(string Kind, long Value);

public sealed record Tier(long FromMonthlyNet, long Value);

public sealed record CourseRate(string CourseExternalId, string Kind, long Value);

/// <summary>A contract as listed under its KOL.</summary>
public sealed record Contract(long Id, DateTime StartsAt, DateTime? EndsAt, Rate Rate, IReadOnlyList<Tier> Tiers,
    IReadOnlyList<CourseRate> CourseRates, long FixedFee, int AttributionWindowDays, int HoldingDays, string Binding);

public sealed record KolCode(string Code, DateTime CreatedAt);

/// <summary>Read with properties, not a constructor: its click count is computed, and SQLite types an empty result's computed column as a blob.</summary>
public sealed record KolLink
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string DestinationUrl { get; init; } = "";
    public string? CourseExternalId { get; init; }
    public string? LiveSessionExternalId { get; init; }
    public string? Label { get; init; }
    public string Status { get; init; } = "";
    public long Clicks { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>A sum or count per KOL, read by property for the same reason as <see cref="KolLink"/>.</summary>
public sealed record KolAmount
{
    public long KolId { get; init; }
    public long Amount { get; init; }
}

/// <summary>Month to date in the business time zone; money in fen.</summary>
public sealed record KolFigures(long Clicks, long Orders, long Gmv, long NetRevenue, long Commission);

public sealed record Kol(long Id, string ExternalId, string Name, string Platform, string? Handle, string? Email, string? Phone,
    string? CustomerExternalId, string Status, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record KolDetail(Kol Kol, IReadOnlyList<KolCode> Codes, IReadOnlyList<KolLink> Links, IReadOnlyList<Contract> Contracts,
    IReadOnlyList<long> CouponCampaignIds, KolFigures MonthToDate);

/// <summary>What decided an order's KOL; shown on the order.</summary>
public sealed record Attribution(long KolId, string Via, string? ClickId, long ContractId, bool SelfReferral);

/// <summary>A ledger line; one still waiting on its order's attribution (PendingLines) has the order's row id, negated, as its id.</summary>
public sealed record CommissionLine(long Id, string OrderId, string Kind, long Amount, long Base, Rate Rate, string Status, bool Held,
    DateTime EarnedAt, DateTime AvailableAt, long? PayoutId);
