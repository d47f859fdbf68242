using Console.Domain.Statistics;

namespace Console.Domain.Experiments;

/// <summary>
/// Turns who was assigned and what they bought into the stored results, with the statistics engine doing every test.
/// Only what a customer did after their exposure (and before the experiment stopped) counts; the same metric over the 14
/// days before exposure is CUPED's covariate. Revenue is what the seller kept: paid (already net of the discount) less refunds.
/// </summary>
public static class ResultsCalculator
{
    public const double Alpha = 0.05;

    /// <summary>Below this SRM p-value the split is not what the weights promised, and the page says so in red.</summary>
    public const double SrmThreshold = 0.001;

    public static readonly TimeSpan PrePeriod = TimeSpan.FromDays(14);

    private sealed class Customer(DateTime exposedAt)
    {
        public DateTime ExposedAt { get; } = exposedAt;
        public double Y { get; set; }
        public double X { get; set; }
        public bool Converted { get; set; }
        public double Revenue { get; set; }
        public List<(DateTime At, double Amount)> Gains { get; } = [];
        public long Orders { get; set; }
        public long RefundedOrders { get; set; }
        public double OrderSum { get; set; }
        public double OrderSquares { get; set; }
    }

    private sealed record Arm(IReadOnlyList<Customer> Customers)
    {
        public long N => Customers.Count;
        public long Conversions => Customers.Count(c => c.Converted);
        public double Sum => Customers.Sum(c => c.Y);
        public double Squares => Customers.Sum(c => c.Y * c.Y);
        public ProportionArm Proportion => new(N, Conversions);
        public MeanArm Mean => MeanArm.FromSums(N, Sum, Squares);
        public CupedArm Cuped => new(N, Sum, Squares, Customers.Sum(c => c.X), Customers.Sum(c => c.X * c.X), Customers.Sum(c => c.X * c.Y));
        public long Orders => Customers.Sum(c => c.Orders);
        public long RefundedOrders => Customers.Sum(c => c.RefundedOrders);
        public MeanArm OrderValue => MeanArm.FromSums(Orders, Customers.Sum(c => c.OrderSum), Customers.Sum(c => c.OrderSquares));
    }

    public static ResultsSnapshot Compute(Experiment experiment, ResultsData data, DateTime endUtc, DateTime computedAt, TimeZoneInfo zone)
    {
        var proportion = experiment.MetricKind != MetricKinds.RevenuePerUser;
        var customers = data.Exposures.ToDictionary(e => e.CustomerId, e => new Customer(e.ExposedAt));
        foreach (var order in data.Orders)
        {
            if (!customers.TryGetValue(order.CustomerId, out var c)) continue;
            var net = (order.Payable - order.Refunded) / 100.0;
            var after = order.PaidAt >= c.ExposedAt && order.PaidAt < endUtc;
            var before = order.PaidAt < c.ExposedAt && order.PaidAt >= c.ExposedAt - PrePeriod;
            if (after)
            {
                c.Orders++;
                if (order.Refunded > 0) c.RefundedOrders++;
                c.OrderSum += order.Payable / 100.0;
                c.OrderSquares += order.Payable / 100.0 * (order.Payable / 100.0);
            }
            if (order.InMetric == 0 || experiment.MetricKind == MetricKinds.Event) continue;
            if (after)
            {
                Gain(c, order.PaidAt, net, proportion);
                c.Revenue += net;
            }
            if (before) c.X = proportion ? 1 : c.X + net;
        }
        foreach (var e in data.Events)
        {
            if (!customers.TryGetValue(e.CustomerId, out var c)) continue;
            if (e.OccurredAt >= c.ExposedAt && e.OccurredAt < endUtc) Gain(c, e.OccurredAt, 1, proportion: true);
            else if (e.OccurredAt < c.ExposedAt && e.OccurredAt >= c.ExposedAt - PrePeriod) c.X = 1;
        }

        var arms = experiment.Variants.Select(v => new Arm(data.Exposures.Where(e => e.VariantId == v.Id)
            .Select(e => customers[e.CustomerId]).ToList())).ToList();
        var holdout = new Arm(data.Exposures.Where(e => e.VariantId is null).Select(e => customers[e.CustomerId]).ToList());
        var cuped = Try(() => Cuped.Adjust(arms.Select(a => a.Cuped).ToList()), out _);

        var results = new List<VariantResult>();
        for (var i = 0; i < arms.Count; i++)
        {
            var v = experiment.Variants[i];
            var arm = arms[i];
            Comparison? effect = null;
            SequentialResult? sequential = null;
            CupedEffect? adjusted = null;
            string? note = null;
            List<GuardrailResult> guardrails = [];
            if (i > 0)
            {
                effect = Compare(proportion, arms[0], arm, out note);
                sequential = Try(() => proportion ? Sequential.Proportions(arms[0].Proportion, arm.Proportion, Alpha)
                    : Sequential.Means(arms[0].Mean, arm.Mean, Alpha), out _);
                if (cuped is not null)
                    adjusted = Try(() => Means.Compare(cuped.Arms[0], cuped.Arms[i], Alpha), out _) is { } m
                        ? new CupedEffect(cuped.Theta, m.Absolute, m.Relative, m.PValue) : null;
                guardrails = Guard(experiment, arms[0], arm);
            }
            var sd = Try(() => arm.Mean, out _)?.Sd ?? 0;
            results.Add(new VariantResult(v.Key, i == 0, v.Weight, arm.N, arm.Conversions, arm.N == 0 ? 0 : (double)arm.Conversions / arm.N,
                arm.N == 0 ? 0 : arm.Sum / arm.N, sd, arm.Customers.Sum(c => c.Revenue),
                arm.Orders, effect, sequential, adjusted, guardrails, note));
        }

        var srm = Try(() => SampleRatio.Check(arms.Select(a => a.N).ToList(), experiment.Variants.Select(v => (double)v.Weight).ToList()), out _);
        HoldoutResult? holdoutResult = null;
        if (holdout.N > 0)
        {
            var test = new Arm(arms.SelectMany(a => a.Customers).ToList());
            var incrementality = Compare(proportion, holdout, test, out var holdoutNote);
            holdoutResult = new HoldoutResult(holdout.N, Value(holdout, proportion), test.N, Value(test, proportion), incrementality, holdoutNote);
        }
        return new ResultsSnapshot(experiment.Key, experiment.Status, experiment.MetricKind, computedAt, Alpha, results,
            srm is null ? null : new SrmCheck(srm.ChiSquare, srm.Df, srm.PValue, srm.PValue < SrmThreshold), holdoutResult,
            Daily(arms, endUtc, computedAt, zone, proportion));
    }

    private static void Gain(Customer c, DateTime at, double amount, bool proportion)
    {
        if (proportion)
        {
            if (c.Converted) return;
            c.Converted = true;
            c.Y = 1;
            c.Gains.Add((at, 1));
            return;
        }
        c.Y += amount;
        c.Converted = c.Converted || amount > 0;
        c.Gains.Add((at, amount));
    }

    private static double Value(Arm arm, bool proportion) => arm.N == 0 ? 0 : proportion ? (double)arm.Conversions / arm.N : arm.Sum / arm.N;

    private static Comparison? Compare(bool proportion, Arm control, Arm treatment, out string? note)
    {
        if (proportion)
        {
            var p = Try(() => Proportions.Compare(control.Proportion, treatment.Proportion, Alpha), out note);
            return p is null ? null : new Comparison(p.Absolute, p.Relative, p.PValue, p.ChanceToWin, p.Risk);
        }
        var m = Try(() => Means.Compare(control.Mean, treatment.Mean, Alpha), out note);
        return m is null ? null : new Comparison(m.Absolute, m.Relative, m.PValue, m.ChanceToWin, m.Risk);
    }

    private static List<GuardrailResult> Guard(Experiment experiment, Arm control, Arm treatment)
    {
        var list = new List<GuardrailResult>();
        foreach (var kind in experiment.Guardrails)
        {
            if (kind == Guardrails.RefundRate)
            {
                var p = Try(() => Proportions.Compare(new ProportionArm(control.Orders, control.RefundedOrders),
                    new ProportionArm(treatment.Orders, treatment.RefundedOrders), Alpha), out _);
                list.Add(new GuardrailResult(kind, Share(control.RefundedOrders, control.Orders), Share(treatment.RefundedOrders, treatment.Orders),
                    p is null ? null : new Comparison(p.Absolute, p.Relative, p.PValue, p.ChanceToWin, p.Risk),
                    p is not null && p.PValue < Alpha && p.Absolute.Value > 0));
            }
            else if (kind == Guardrails.AverageOrderValue)
            {
                var m = Try(() => Means.Compare(control.OrderValue, treatment.OrderValue, Alpha), out _);
                list.Add(new GuardrailResult(kind, Average(control), Average(treatment),
                    m is null ? null : new Comparison(m.Absolute, m.Relative, m.PValue, m.ChanceToWin, m.Risk),
                    m is not null && m.PValue < Alpha && m.Absolute.Value < 0));
            }
        }
        return list;
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static double Average(Arm arm) => arm.Orders == 0 ? 0 : arm.Customers.Sum(c => c.OrderSum) / arm.Orders;

    /// <summary>Cumulative users and metric per variant at the end of each business day from the first exposure to the last day counted.</summary>
    private static List<DailyPoint> Daily(IReadOnlyList<Arm> arms, DateTime endUtc, DateTime computedAt, TimeZoneInfo zone, bool proportion)
    {
        var all = arms.SelectMany(a => a.Customers).ToList();
        if (all.Count == 0) return [];
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
        var first = Day(all.Min(c => c.ExposedAt));
        var last = Day((endUtc < computedAt ? endUtc : computedAt).AddTicks(-1));
        var exposures = arms.Select(a => a.Customers.Select(c => Day(c.ExposedAt)).Order().ToList()).ToList();
        var gains = arms.Select(a => a.Customers.SelectMany(c => c.Gains).Select(g => (Day: Day(g.At), g.Amount)).OrderBy(g => g.Day).ToList()).ToList();
        var points = new List<DailyPoint>();
        var users = new long[arms.Count];
        var sums = new double[arms.Count];
        var (ui, gi) = (new int[arms.Count], new int[arms.Count]);
        for (var day = first; day <= last && points.Count < 400; day = day.AddDays(1))
        {
            for (var a = 0; a < arms.Count; a++)
            {
                while (ui[a] < exposures[a].Count && exposures[a][ui[a]] <= day) { users[a]++; ui[a]++; }
                while (gi[a] < gains[a].Count && gains[a][gi[a]].Day <= day) { sums[a] += gains[a][gi[a]].Amount; gi[a]++; }
            }
            points.Add(new DailyPoint(day, users.ToArray(), users.Select((n, a) => n == 0 ? 0 : sums[a] / n).ToArray()));
        }
        return points;
    }

    private static T? Try<T>(Func<T> compute, out string? note) where T : class
    {
        try
        {
            note = null;
            return compute();
        }
        catch (StatisticsInputException e)
        {
            note = e.Code;
            return null;
        }
    }
}
