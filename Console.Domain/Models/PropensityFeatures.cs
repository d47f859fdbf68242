using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Models;

/// <summary>One customer and one course they had not bought by the cut-off: the features, and whether they bought it after.</summary>
public sealed record PropensityRow(long CustomerId, long CourseId, float[] Features, bool Label);

/// <summary>
/// The propensity features, in vector order. Counts enter as log(1 + n), so a heavy viewer does not swamp the rest;
/// "_course" features are about the course being scored, the others about the customer as a whole.
/// </summary>
public static class PropensityFeatures
{
    public const int Count = 29;

    public static readonly string[] Names =
    [
        "watch_minutes", "watch_minutes_course", "sessions_attended", "sessions_attended_course", "chat", "questions",
        "poll_votes", "likes", "shares", "lottery_joins", "coupon_claims", "page_views", "page_views_course", "add_to_cart",
        "add_to_cart_course", "days_since_last_visit", "past_purchases", "purchases_in_category", "categories_bought",
        "kol_referral", "source_douyin", "source_wechat", "source_kol", "source_organic_search", "source_referral",
        "source_ads", "source_other", "course_orders_30d", "days_since_joined",
    ];

    internal static readonly string[] Sources = ["douyin", "wechat", "kol", "organic_search", "referral", "ads"];

    /// <summary>Days since the last visit are capped here: beyond it a customer is simply gone.</summary>
    public const double MaxDaysAway = 180;

    public const double MaxDaysJoined = 730;
}

/// <summary>
/// Reads the features of every (customer, course) pair as they stood at a cut-off: only events that occurred and
/// orders paid before it count, so nothing later can leak into them. With a label end, a pair is labelled by whether
/// the customer bought the course in [cut-off, label end). Customers are those active in the lookback before the cut-off.
/// </summary>
public sealed class PropensityFeatureReader(Db db)
{
    private const string EventsSql =
        """
        SELECT customer_id AS CustomerId, COALESCE(course_id, 0) AS CourseId, type AS Type, COUNT(*) AS Events,
               SUM(COALESCE(value, 0.0)) AS Total, COUNT(DISTINCT live_session_id) AS Sessions, MAX(occurred_at) AS LastAt
        FROM events
        WHERE occurred_at < @cutOff
        GROUP BY customer_id, COALESCE(course_id, 0), type
        """;

    private const string CustomerEventsSql =
        """
        SELECT customer_id AS CustomerId, COALESCE(course_id, 0) AS CourseId, type AS Type, COUNT(*) AS Events,
               SUM(COALESCE(value, 0.0)) AS Total, COUNT(DISTINCT live_session_id) AS Sessions, MAX(occurred_at) AS LastAt
        FROM events
        WHERE customer_id = @customerId AND occurred_at < @cutOff
        GROUP BY customer_id, COALESCE(course_id, 0), type
        """;

    private const string OrdersSql =
        """
        SELECT customer_id AS CustomerId, course_id AS CourseId, referral_code AS ReferralCode, paid_at AS PaidAt
        FROM orders
        WHERE paid_at < @cutOff
        """;

    private const string CustomerOrdersSql =
        """
        SELECT customer_id AS CustomerId, course_id AS CourseId, referral_code AS ReferralCode, paid_at AS PaidAt
        FROM orders
        WHERE customer_id = @customerId AND paid_at < @cutOff
        """;

    private const string CourseOrdersSql =
        """
        SELECT course_id AS CourseId, COUNT(*) AS Orders
        FROM orders
        WHERE paid_at >= @since AND paid_at < @cutOff
        GROUP BY course_id
        """;

    private const string CustomersSql =
        "SELECT id AS Id, source AS Source, created_at AS CreatedAt FROM customers WHERE created_at < @cutOff";

    private const string CustomerSql =
        "SELECT id AS Id, source AS Source, created_at AS CreatedAt FROM customers WHERE id = @customerId";

    private const string CoursesSql = "SELECT id AS Id, category AS Category FROM courses ORDER BY id";

    private const string LabelsSql =
        "SELECT DISTINCT customer_id AS CustomerId, course_id AS CourseId FROM orders WHERE paid_at >= @cutOff AND paid_at < @labelEnd";

    /// <summary>Every active customer's pairs at the cut-off; customers past maxCustomers are thinned by a fixed hash of their id.</summary>
    public async Task<IReadOnlyList<PropensityRow>> ReadAsync(DateTime cutOff, DateTime? labelEnd, TimeSpan lookback, int maxCustomers,
        CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var customers = (await connection.QueryAsync<CustomerRow>(new CommandDefinition(CustomersSql, new { cutOff }, cancellationToken: ct))).ToList();
        var events = await connection.QueryAsync<EventGroup>(new CommandDefinition(EventsSql, new { cutOff }, cancellationToken: ct));
        var orders = await connection.QueryAsync<OrderRow>(new CommandDefinition(OrdersSql, new { cutOff }, cancellationToken: ct));
        var context = await ContextAsync(connection, cutOff, ct);
        HashSet<(long, long)>? labels = null;
        if (labelEnd is { } end)
            labels = (await connection.QueryAsync<(long CustomerId, long CourseId)>(new CommandDefinition(LabelsSql, new { cutOff, labelEnd = end },
                cancellationToken: ct))).ToHashSet();
        var history = Build(events, orders, customers);
        var activeSince = cutOff - lookback;
        var active = history.Values.Where(h => h.LastSeen >= activeSince).Select(h => h.CustomerId).ToList();
        if (active.Count > maxCustomers)
        {
            // A fixed hash, not a random draw: the same store always gives the same rows.
            active = active.OrderBy(id => unchecked((ulong)id * 0x9E3779B97F4A7C15UL)).Take(maxCustomers).ToList();
        }
        var rows = new List<PropensityRow>(active.Count * context.Courses.Count);
        foreach (var id in active.Order())
            foreach (var row in Pairs(history[id], context, cutOff, null))
                rows.Add(labels is null ? row : row with { Label = labels.Contains((row.CustomerId, row.CourseId)) });
        return rows;
    }

    /// <summary>One customer's pairs at the cut-off (every course they had not bought, or just one course, bought or not).</summary>
    public async Task<IReadOnlyList<PropensityRow>> ForCustomerAsync(long customerId, DateTime cutOff, long? courseId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var customers = (await connection.QueryAsync<CustomerRow>(new CommandDefinition(CustomerSql, new { customerId }, cancellationToken: ct))).ToList();
        var events = await connection.QueryAsync<EventGroup>(new CommandDefinition(CustomerEventsSql, new { customerId, cutOff }, cancellationToken: ct));
        var orders = await connection.QueryAsync<OrderRow>(new CommandDefinition(CustomerOrdersSql, new { customerId, cutOff }, cancellationToken: ct));
        var context = await ContextAsync(connection, cutOff, ct);
        var history = Build(events, orders, customers);
        return history.TryGetValue(customerId, out var h) ? Pairs(h, context, cutOff, courseId).ToList() : [];
    }

    private static async Task<Context> ContextAsync(System.Data.Common.DbConnection connection, DateTime cutOff, CancellationToken ct)
    {
        var courses = (await connection.QueryAsync<(long Id, string? Category)>(new CommandDefinition(CoursesSql, cancellationToken: ct))).ToList();
        var recent = (await connection.QueryAsync<(long CourseId, long Orders)>(new CommandDefinition(CourseOrdersSql,
            new { cutOff, since = cutOff.AddDays(-30) }, cancellationToken: ct))).ToDictionary(r => r.CourseId, r => r.Orders);
        return new Context(courses, courses.ToDictionary(c => c.Id, c => c.Category ?? ""), recent);
    }

    private static Dictionary<long, History> Build(IEnumerable<EventGroup> events, IEnumerable<OrderRow> orders, List<CustomerRow> customers)
    {
        var history = customers.ToDictionary(c => c.Id, c => new History(c.Id, c.Source, c.CreatedAt));
        foreach (var e in events)
        {
            if (!history.TryGetValue(e.CustomerId, out var h)) continue;
            h.Add(e);
        }
        foreach (var o in orders)
        {
            if (!history.TryGetValue(o.CustomerId, out var h)) continue;
            h.Owned.Add(o.CourseId);
            h.Orders++;
            h.Referred |= !string.IsNullOrEmpty(o.ReferralCode);
            if (o.PaidAt > h.LastSeen) h.LastSeen = o.PaidAt;
        }
        return history;
    }

    private static IEnumerable<PropensityRow> Pairs(History h, Context context, DateTime cutOff, long? onlyCourse)
    {
        var boughtByCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var owned in h.Owned)
        {
            var category = context.Category.GetValueOrDefault(owned, "");
            boughtByCategory[category] = boughtByCategory.GetValueOrDefault(category) + 1;
        }
        var daysAway = h.LastSeen == DateTime.MinValue ? PropensityFeatures.MaxDaysAway
            : Math.Min(PropensityFeatures.MaxDaysAway, (cutOff - h.LastSeen).TotalDays);
        var joined = Math.Clamp((cutOff - h.CreatedAt).TotalDays, 0, PropensityFeatures.MaxDaysJoined);
        var source = Array.IndexOf(PropensityFeatures.Sources, h.Source ?? "");
        foreach (var (courseId, category) in context.Courses)
        {
            if (onlyCourse is { } only ? courseId != only : h.Owned.Contains(courseId)) continue;
            var f = new float[PropensityFeatures.Count];
            var course = h.PerCourse.GetValueOrDefault(courseId) ?? Tally.Empty;
            f[0] = Log(h.All.WatchSeconds / 60);
            f[1] = Log(course.WatchSeconds / 60);
            f[2] = Log(h.All.Sessions);
            f[3] = Log(course.Sessions);
            f[4] = Log(h.All.Of("chat"));
            f[5] = Log(h.All.Of("question"));
            f[6] = Log(h.All.Of("poll_vote"));
            f[7] = Log(h.All.Of("like"));
            f[8] = Log(h.All.Of("share"));
            f[9] = Log(h.All.Of("lottery_join"));
            f[10] = Log(h.All.Of("coupon_claim"));
            f[11] = Log(h.All.Of("page_view"));
            f[12] = Log(course.Of("page_view"));
            f[13] = Log(h.All.Of("add_to_cart"));
            f[14] = Log(course.Of("add_to_cart"));
            f[15] = (float)daysAway;
            f[16] = Log(h.Orders);
            f[17] = boughtByCategory.GetValueOrDefault(category ?? "");
            f[18] = boughtByCategory.Count;
            f[19] = h.Referred || h.Source == "kol" ? 1 : 0;
            f[20 + (source >= 0 ? source : PropensityFeatures.Sources.Length)] = 1;
            f[27] = Log(context.RecentOrders.GetValueOrDefault(courseId));
            f[28] = (float)joined;
            yield return new PropensityRow(h.CustomerId, courseId, f, false);
        }
    }

    private static float Log(double n) => (float)Math.Log(1 + Math.Max(0, n));

    private sealed record Context(List<(long Id, string? Category)> Courses, Dictionary<long, string> Category, Dictionary<long, long> RecentOrders);

    private sealed class EventGroup
    {
        public long CustomerId { get; init; }
        public long CourseId { get; init; }
        public string Type { get; init; } = "";
        public long Events { get; init; }
        public double Total { get; init; }
        public long Sessions { get; init; }
        public DateTime LastAt { get; init; }
    }

    private sealed class OrderRow
    {
        public long CustomerId { get; init; }
        public long CourseId { get; init; }
        public string? ReferralCode { get; init; }
        public DateTime PaidAt { get; init; }
    }

    private sealed class CustomerRow
    {
        public long Id { get; init; }
        public string? Source { get; init; }
        public DateTime CreatedAt { get; init; }
    }

    private sealed class Tally
    {
        public static readonly Tally Empty = new();
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
        public double WatchSeconds { get; private set; }
        public long Sessions { get; private set; }

        public long Of(string type) => _counts.GetValueOrDefault(type);

        public void Add(EventGroup e)
        {
            _counts[e.Type] = _counts.GetValueOrDefault(e.Type) + e.Events;
            if (e.Type != "watch") return;
            WatchSeconds += e.Total;
            Sessions += e.Sessions;
        }
    }

    private sealed class History(long customerId, string? source, DateTime createdAt)
    {
        public long CustomerId { get; } = customerId;
        public string? Source { get; } = source;
        public DateTime CreatedAt { get; } = createdAt;
        public Tally All { get; } = new();
        public Dictionary<long, Tally> PerCourse { get; } = [];
        public HashSet<long> Owned { get; } = [];
        public int Orders { get; set; }
        public bool Referred { get; set; }
        public DateTime LastSeen { get; set; } = DateTime.MinValue;

        public void Add(EventGroup e)
        {
            All.Add(e);
            if (e.CourseId != 0)
            {
                if (!PerCourse.TryGetValue(e.CourseId, out var t)) PerCourse[e.CourseId] = t = new Tally();
                t.Add(e);
            }
            if (e.LastAt > LastSeen) LastSeen = e.LastAt;
        }
    }
}
