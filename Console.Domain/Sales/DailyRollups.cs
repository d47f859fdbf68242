namespace Console.Domain.Sales;

/// <summary>One daily_sales row: a business day, course and channel. Money in fen.</summary>
public sealed record DailySalesRow(
    DateOnly Day, long CourseId, string Channel,
    long Orders, long Gross, long Discount, long Refunded, long RefundedOrders, long LiveOrders)
{
    /// <summary>Checked: a sum past long.MaxValue throws rather than wrapping to a negative gross.</summary>
    public DailySalesRow Plus(DailySalesRow other) => this with
    {
        Orders = checked(Orders + other.Orders),
        Gross = checked(Gross + other.Gross),
        Discount = checked(Discount + other.Discount),
        Refunded = checked(Refunded + other.Refunded),
        RefundedOrders = checked(RefundedOrders + other.RefundedOrders),
        LiveOrders = checked(LiveOrders + other.LiveOrders),
    };

    public static DailySalesRow ForOrder(DateOnly day, long courseId, string channel, long payable, long discount, bool live) =>
        new(day, courseId, channel, 1, payable, discount, 0, 0, live ? 1 : 0);

    /// <summary>The course grain (daily_course_sales): the same sums with the channel left empty.</summary>
    public static IEnumerable<DailySalesRow> ByCourse(IEnumerable<DailySalesRow> rows) =>
        rows.GroupBy(r => (r.Day, r.CourseId)).Select(g => g.Select(r => r with { Channel = "" }).Aggregate((a, b) => a.Plus(b)));

    /// <summary>The channel grain (daily_channel_sales): the same sums with course id 0.</summary>
    public static IEnumerable<DailySalesRow> ByChannel(IEnumerable<DailySalesRow> rows) =>
        rows.GroupBy(r => (r.Day, r.Channel)).Select(g => g.Select(r => r with { CourseId = 0 }).Aggregate((a, b) => a.Plus(b)));

    public static DailySalesRow ForRefund(DateOnly day, long courseId, string channel, long amount, bool firstForOrder) =>
        new(day, courseId, channel, 0, 0, 0, amount, firstForOrder ? 1 : 0, 0);
}

/// <summary>One daily_customers row: the bitmap of customer ids who paid that business day.</summary>
public sealed record DailyCustomersRow(DateOnly Day, byte[] Bitmap);

/// <summary>Every rollup table, sorted by day (then course id and channel, ordinal).</summary>
public sealed record DailyRollups(IReadOnlyList<DailySalesRow> Sales, IReadOnlyList<DailyCustomersRow> Customers,
    IReadOnlyList<DailySalesRow> CourseSales, IReadOnlyList<DailySalesRow> ChannelSales)
{
    /// <summary>Derives the course and channel grains from the finest one, as the rollup job writes them.</summary>
    public static DailyRollups From(IEnumerable<DailySalesRow> sales, IEnumerable<DailyCustomersRow> customers)
    {
        var fine = sales.ToList();
        return From(fine, customers, DailySalesRow.ByCourse(fine), DailySalesRow.ByChannel(fine));
    }

    public static DailyRollups From(IEnumerable<DailySalesRow> sales, IEnumerable<DailyCustomersRow> customers,
        IEnumerable<DailySalesRow> courseSales, IEnumerable<DailySalesRow> channelSales) => new(
        Sorted(sales), customers.OrderBy(r => r.Day).ToList(), Sorted(courseSales), Sorted(channelSales));

    private static List<DailySalesRow> Sorted(IEnumerable<DailySalesRow> rows) =>
        rows.OrderBy(r => r.Day).ThenBy(r => r.CourseId).ThenBy(r => r.Channel, StringComparer.Ordinal).ToList();
}

/// <summary>What one rollup pass (or a whole run) counted.</summary>
public sealed record RollupResult(int Orders, int Refunds, int Chunks)
{
    public static readonly RollupResult None = new(0, 0, 0);

    public bool IsEmpty => Orders == 0 && Refunds == 0;

    public RollupResult Plus(RollupResult other) =>
        new(checked(Orders + other.Orders), checked(Refunds + other.Refunds), checked(Chunks + other.Chunks));
}
