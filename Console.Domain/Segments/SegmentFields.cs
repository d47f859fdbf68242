namespace Console.Domain.Segments;

/// <summary>What a condition's value is, which decides its operators and its editor.</summary>
public enum ValueKind
{
    /// <summary>A whole number within the field's bounds.</summary>
    Whole,
    /// <summary>An amount in the shop currency (yuan at the API, fen inside).</summary>
    Money,
    /// <summary>A probability from 0 to 1.</summary>
    Probability,
    /// <summary>True or false.</summary>
    Flag,
    /// <summary>Free text compared whole (a city, a source).</summary>
    Text,
    /// <summary>Words from a fixed list (NPS categories).</summary>
    Choice,
    /// <summary>References to things the store knows (courses, categories, live sessions, KOLs, campaigns, variants).</summary>
    Refs,
}

/// <summary>What the references of a Refs field name, so editors offer the right picker and the check looks in the right table.</summary>
public enum RefKind
{
    None,
    Course,
    Category,
    LiveSession,
    Kol,
    CouponCampaign,
    ExperimentVariant,
}

/// <summary>One field of the fixed catalogue: its code, value kind, operators and bounds. Min and Max bound whole values.</summary>
public sealed record SegmentField(string Code, ValueKind Kind, IReadOnlyList<string> Ops, long Min = 0, long Max = 0,
    RefKind Refs = RefKind.None, IReadOnlyList<string>? Choices = null)
{
    public bool Allows(string op) => Ops.Contains(op, StringComparer.Ordinal);
}

/// <summary>
/// The fields of API.md "Segments and email", the only names a rule can use: the compiler takes table and column names from
/// its own text for each of them, never from the request.
/// </summary>
public static class SegmentFields
{
    public const string PurchasedCourse = "purchased_course";
    public const string PurchasedCategory = "purchased_category";
    public const string Orders = "orders";
    public const string NetSpent = "net_spent";
    public const string LastOrderDays = "last_order_days";
    public const string WatchMinutes30d = "watch_minutes_30d";
    public const string LiveInteractions30d = "live_interactions_30d";
    public const string AttendedLiveSession = "attended_live_session";
    public const string City = "city";
    public const string Source = "source";
    public const string EmailOptIn = "email_opt_in";
    public const string NpsCategory = "nps_category";
    public const string Propensity = "propensity";
    public const string ReferredByKol = "referred_by_kol";
    public const string UsedCouponCampaign = "used_coupon_campaign";
    public const string ExperimentVariant = "experiment_variant";
    public const string CreatedDays = "created_days";

    public const long MaxDays = 36_500;
    public const long MaxCount = 1_000_000_000;

    private static readonly string[] Compare = [SegmentOps.Eq, SegmentOps.Ne, SegmentOps.Gt, SegmentOps.Gte, SegmentOps.Lt, SegmentOps.Lte];
    private static readonly string[] Bound = [SegmentOps.Gt, SegmentOps.Gte, SegmentOps.Lt, SegmentOps.Lte];
    private static readonly string[] Texts = [SegmentOps.Eq, SegmentOps.Ne, SegmentOps.In, SegmentOps.NotIn];
    private static readonly string[] Sets = [SegmentOps.In, SegmentOps.NotIn, SegmentOps.Any, SegmentOps.None];
    private static readonly string[] Choices = [SegmentOps.In, SegmentOps.NotIn];

    public static readonly IReadOnlyList<SegmentField> All =
    [
        new(PurchasedCourse, ValueKind.Refs, Sets, Refs: RefKind.Course),
        new(PurchasedCategory, ValueKind.Refs, Sets, Refs: RefKind.Category),
        new(Orders, ValueKind.Whole, Compare, 0, MaxCount),
        new(NetSpent, ValueKind.Money, Compare),
        new(LastOrderDays, ValueKind.Whole, Compare, 0, MaxDays),
        new(WatchMinutes30d, ValueKind.Whole, Compare, 0, 30 * 24 * 60),
        new(LiveInteractions30d, ValueKind.Whole, Compare, 0, MaxCount),
        new(AttendedLiveSession, ValueKind.Refs, Sets, Refs: RefKind.LiveSession),
        new(City, ValueKind.Text, Texts),
        new(Source, ValueKind.Text, Texts),
        new(EmailOptIn, ValueKind.Flag, [SegmentOps.Is]),
        new(NpsCategory, ValueKind.Choice, Choices, Choices: NpsCategories.All),
        new(Propensity, ValueKind.Probability, Bound),
        new(ReferredByKol, ValueKind.Refs, Sets, Refs: RefKind.Kol),
        new(UsedCouponCampaign, ValueKind.Refs, Sets, Refs: RefKind.CouponCampaign),
        new(ExperimentVariant, ValueKind.Refs, Sets, Refs: RefKind.ExperimentVariant),
        new(CreatedDays, ValueKind.Whole, Compare, 0, MaxDays),
    ];

    private static readonly Dictionary<string, SegmentField> ByCode = All.ToDictionary(f => f.Code, StringComparer.Ordinal);

    public static SegmentField? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var f) ? f : null;

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(f => f.Code)];
}

/// <summary>The operator words of rules; which fit a field is the catalogue's to say.</summary>
public static class SegmentOps
{
    public const string Eq = "eq";
    public const string Ne = "ne";
    public const string Gt = "gt";
    public const string Gte = "gte";
    public const string Lt = "lt";
    public const string Lte = "lte";
    public const string In = "in";
    public const string NotIn = "not_in";
    public const string Any = "any";
    public const string None = "none";
    public const string Is = "is";

    public static readonly string[] All = [Eq, Ne, Gt, Gte, Lt, Lte, In, NotIn, Any, None, Is];

    /// <summary>Operators that take no value: any (has at least one) and none (has none).</summary>
    public static bool TakesNoValue(string op) => op is Any or None;

    /// <summary>Operators whose value is a list.</summary>
    public static bool TakesList(string op) => op is In or NotIn;
}

/// <summary>NPS categories of a customer's latest NPS answer (0–6 detractor, 7–8 passive, 9–10 promoter).</summary>
public static class NpsCategories
{
    public const string Promoter = "promoter";
    public const string Passive = "passive";
    public const string Detractor = "detractor";
    public static readonly string[] All = [Promoter, Passive, Detractor];
}
