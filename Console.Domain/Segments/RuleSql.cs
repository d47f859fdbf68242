using System.Globalization;
using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>A rule compiled to a predicate over customers c, with every value of the rule as a named parameter.</summary>
public sealed record CompiledRule(string Where, IReadOnlyList<KeyValuePair<string, object>> Parameters);

/// <summary>The business day a rule is evaluated on; "days" fields count business days back from it.</summary>
public sealed record RuleDay(DateOnly Today, BusinessTime Time)
{
    /// <summary>The UTC instant the business day that lies daysAgo before today starts at.</summary>
    public DateTime Start(long daysAgo) => Time.StartOfDayUtc(Today.AddDays((int)-Math.Clamp(daysAgo, -1, SegmentFields.MaxDays + 1)));
}

/// <summary>
/// Compiles a checked rule to SQL over customers c: one EXISTS, NOT EXISTS or scalar subquery per condition, joined by the
/// groups' AND and OR. Table, column and operator text come only from this file; every value the rule carries becomes
/// a parameter (@s0, @s1, ...). Where the engines differ (the latest NPS answer) the fragment is chosen per dialect.
/// </summary>
public static class RuleSql
{
    /// <summary>Order states that count as purchases: paid, partly refunded or waiting for their group; fully refunded ones do not.</summary>
    private const string Bought = "'paid', 'partially_refunded', 'awaiting_group'";

    public static CompiledRule Compile(SegmentRule rule, Dialect dialect, RuleDay day)
    {
        var b = new Builder(dialect, day);
        var where = b.Node(rule.Root);
        return new CompiledRule(where, b.Parameters);
    }

    private static string Comparison(string op) => op switch
    {
        SegmentOps.Eq => "=",
        SegmentOps.Ne => "<>",
        SegmentOps.Gt => ">",
        SegmentOps.Gte => ">=",
        SegmentOps.Lt => "<",
        SegmentOps.Lte => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison."),
    };

    /// <summary>The category of customer c's latest NPS answer, 'none' without one: the one fragment whose text differs by engine.</summary>
    private static string LatestNpsCategory(Dialect dialect)
    {
        const string category = "CASE WHEN r.nps_score >= 9 THEN 'promoter' WHEN r.nps_score >= 7 THEN 'passive' ELSE 'detractor' END";
        const string from = "FROM survey_responses r WHERE r.customer_id = c.id AND r.nps_score IS NOT NULL ORDER BY r.submitted_at DESC, r.id DESC";
        return dialect == Dialect.Sqlite
            ? $"COALESCE((SELECT {category} {from} LIMIT 1), 'none')"
            : $"COALESCE((SELECT TOP (1) {category} {from}), 'none')";
    }

    private sealed class Builder(Dialect dialect, RuleDay day)
    {
        public List<KeyValuePair<string, object>> Parameters { get; } = [];

        private string P(object value)
        {
            var name = "@s" + Parameters.Count.ToString(CultureInfo.InvariantCulture);
            Parameters.Add(KeyValuePair.Create(name[1..], value));
            return name;
        }

        private string List(IEnumerable<string> texts) => string.Join(", ", texts.Select(t => P(t)));

        private string Ids(IEnumerable<string> texts) => string.Join(", ", texts.Select(t => P(long.Parse(t, CultureInfo.InvariantCulture))));

        public string Node(RuleNode node) => node switch
        {
            RuleGroup g => "(" + string.Join(g.All ? " AND " : " OR ", g.Items.Select(Node)) + ")",
            RuleCondition c => "(" + Condition(c) + ")",
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };

        private string Condition(RuleCondition c)
        {
            var v = c.Value;
            var op = c.Op;
            return c.Field.Code switch
            {
                SegmentFields.PurchasedCourse => Set(op,
                    $"orders o WHERE o.customer_id = c.id AND o.status IN ({Bought})",
                    () => $"orders o JOIN courses k ON k.id = o.course_id WHERE o.customer_id = c.id AND o.status IN ({Bought}) AND k.external_id IN ({List(v.Texts)})"),
                SegmentFields.PurchasedCategory => Set(op,
                    $"orders o WHERE o.customer_id = c.id AND o.status IN ({Bought})",
                    () => $"orders o JOIN courses k ON k.id = o.course_id WHERE o.customer_id = c.id AND o.status IN ({Bought}) AND k.category IN ({List(v.Texts)})"),
                SegmentFields.Orders =>
                    $"(SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id AND o.status IN ({Bought})) {Comparison(op)} {P(v.Whole)}",
                SegmentFields.NetSpent =>
                    $"(SELECT COALESCE(SUM(o.payable - o.refunded), 0) FROM orders o WHERE o.customer_id = c.id) {Comparison(op)} {P(v.Whole)}",
                SegmentFields.LastOrderDays =>
                    DaysAgo($"(SELECT MAX(o.paid_at) FROM orders o WHERE o.customer_id = c.id AND o.status IN ({Bought}))", op, v.Whole),
                SegmentFields.WatchMinutes30d => Floored(
                    $"(SELECT COALESCE(SUM(e.value), 0) FROM events e WHERE e.customer_id = c.id AND e.type = 'watch' AND e.occurred_at >= {P(day.Start(29))})",
                    op, v.Whole, 60),
                SegmentFields.LiveInteractions30d =>
                    $"(SELECT COUNT(*) FROM events e WHERE e.customer_id = c.id AND e.live_session_id IS NOT NULL AND e.type NOT IN ('page_view', 'watch') AND e.occurred_at >= {P(day.Start(29))}) {Comparison(op)} {P(v.Whole)}",
                SegmentFields.AttendedLiveSession => Set(op,
                    "events e WHERE e.customer_id = c.id AND e.live_session_id IS NOT NULL",
                    () => $"events e JOIN live_sessions s ON s.id = e.live_session_id WHERE e.customer_id = c.id AND s.external_id IN ({List(v.Texts)})"),
                SegmentFields.City => Text("c.city", op, v),
                SegmentFields.Source => Text("c.source", op, v),
                SegmentFields.EmailOptIn => $"c.email_opt_in = {P(v.Flag ? 1 : 0)}",
                SegmentFields.NpsCategory => Nps(op, v),
                SegmentFields.Propensity =>
                    $"EXISTS (SELECT 1 FROM segment_propensity p WHERE p.customer_id = c.id AND p.probability {Comparison(op)} {P(v.Real)})",
                SegmentFields.ReferredByKol => Set(op,
                    "orders o JOIN order_attributions a ON a.order_id = o.id WHERE o.customer_id = c.id",
                    () => $"orders o JOIN order_attributions a ON a.order_id = o.id JOIN kols k ON k.id = a.kol_id WHERE o.customer_id = c.id AND k.external_id IN ({List(v.Texts)})"),
                SegmentFields.UsedCouponCampaign => Set(op,
                    "coupon_redemptions r WHERE r.customer_id = c.id AND r.reversed_at IS NULL",
                    () => $"coupon_redemptions r WHERE r.customer_id = c.id AND r.reversed_at IS NULL AND r.campaign_id IN ({Ids(v.Texts)})"),
                SegmentFields.ExperimentVariant => Set(op,
                    "experiment_exposures x WHERE x.customer_id = c.id AND x.variant_id IS NOT NULL",
                    () => $"experiment_exposures x JOIN experiments t ON t.id = x.experiment_id JOIN experiment_variants v ON v.id = x.variant_id WHERE x.customer_id = c.id AND ({Variants(v.Texts)})"),
                SegmentFields.CreatedDays => DaysAgo("c.created_at", op, v.Whole),
                _ => throw new ArgumentOutOfRangeException(nameof(c), c.Field.Code, "Not a catalogue field."),
            };
        }

        /// <summary>
        /// Has any (any), has none (none), has one of the listed (in) or none of them (not_in). The sources are written from
        /// their FROM on, so each reads as the fragment it is rather than as a statement of its own.
        /// </summary>
        private static string Set(string op, string anySql, Func<string> listedSql) => op switch
        {
            SegmentOps.Any => $"EXISTS (SELECT 1 FROM {anySql})",
            SegmentOps.None => $"NOT EXISTS (SELECT 1 FROM {anySql})",
            SegmentOps.In => $"EXISTS (SELECT 1 FROM {listedSql()})",
            SegmentOps.NotIn => $"NOT EXISTS (SELECT 1 FROM {listedSql()})",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a set operator."),
        };

        /// <summary>A customer column compared whole; ne and not_in also hold for customers with no value.</summary>
        private string Text(string column, string op, RuleValue v) => op switch
        {
            SegmentOps.Eq => $"{column} = {P(v.Texts[0])}",
            SegmentOps.Ne => $"({column} IS NULL OR {column} <> {P(v.Texts[0])})",
            SegmentOps.In => $"{column} IN ({List(v.Texts)})",
            SegmentOps.NotIn => $"({column} IS NULL OR {column} NOT IN ({List(v.Texts)}))",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a text operator."),
        };

        private string Nps(string op, RuleValue v)
        {
            var category = LatestNpsCategory(dialect);
            return op == SegmentOps.In ? $"{category} IN ({List(v.Texts)})" : $"{category} NOT IN ({List(v.Texts)})";
        }

        private string Variants(IEnumerable<string> texts) => string.Join(" OR ", texts.Select(t =>
        {
            VariantRef.TryParse(t, out var r);
            return $"(t.experiment_key = {P(r.Experiment)} AND v.variant_key = {P(r.Variant)})";
        }));

        /// <summary>
        /// Business days from instant x to today compared with n, as instant comparisons: "at most n days ago" is x at or
        /// after the start of the day n days back. An x that is NULL (no orders) matches nothing.
        /// </summary>
        private string DaysAgo(string x, string op, long n) => op switch
        {
            SegmentOps.Lte => $"{x} >= {P(day.Start(n))}",
            SegmentOps.Lt => $"{x} >= {P(day.Start(n - 1))}",
            SegmentOps.Gte => $"{x} < {P(day.Start(n - 1))}",
            SegmentOps.Gt => $"{x} < {P(day.Start(n))}",
            SegmentOps.Eq => $"{x} >= {P(day.Start(n))} AND {x} < {P(day.Start(n - 1))}",
            SegmentOps.Ne => $"({x} < {P(day.Start(n))} OR {x} >= {P(day.Start(n - 1))})",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison."),
        };

        /// <summary>Whole units of x (minutes of watched seconds) compared with n, without dividing in SQL.</summary>
        private string Floored(string x, string op, long n, long unit) => op switch
        {
            SegmentOps.Gte => $"{x} >= {P(n * unit)}",
            SegmentOps.Gt => $"{x} >= {P((n + 1) * unit)}",
            SegmentOps.Lte => $"{x} < {P((n + 1) * unit)}",
            SegmentOps.Lt => $"{x} < {P(n * unit)}",
            SegmentOps.Eq => $"{x} >= {P(n * unit)} AND {x} < {P((n + 1) * unit)}",
            SegmentOps.Ne => $"({x} < {P(n * unit)} OR {x} >= {P((n + 1) * unit)})",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison."),
        };
    }
}
