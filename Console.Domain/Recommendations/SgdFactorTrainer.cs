namespace Console.Domain.Recommendations;

/// <summary>
/// Learns R_ui = u_u·v_i + b_u + b_i by stochastic gradient descent on squared error with L2 regularisation.
/// Explicit mode (no negatives) fits each user's weight as the target; implicit mode fits 1 for observed pairs and 0 for
/// sampled unobserved ones, each observed step scaled by the confidence ln(1 + weight) / ln 2. The seed fixes every draw.
/// </summary>
public static class SgdFactorTrainer
{
    private const double MaxConfidence = 4;

    public static FactorScorer Train(Feedback feedback, FactorOptions options, Action<int>? epochDone = null,
        CancellationToken ct = default)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));
        var (users, items, k) = (feedback.Users.Count, feedback.Items.Count, options.Factors);
        var rng = new Random(options.Seed);
        var p = Initial(rng, users * k, options.InitialScale);
        var q = Initial(rng, items * k, options.InitialScale);
        var bu = new double[users];
        var bi = new double[items];
        var implicitMode = options.NegativesPerPositive > 0;

        var sampleUser = new int[feedback.Count];
        var sampleItem = new int[feedback.Count];
        var sampleTarget = new double[feedback.Count];
        var sampleConfidence = new double[feedback.Count];
        var n = 0;
        for (var u = 0; u < users; u++)
            foreach (var w in feedback.ByUser[u])
            {
                (sampleUser[n], sampleItem[n]) = (u, w.Item);
                (sampleTarget[n], sampleConfidence[n]) = implicitMode
                    ? (1.0, Math.Min(MaxConfidence, Math.Log(1 + Math.Max(0, w.Weight)) / Math.Log(2)))
                    : (w.Weight, 1.0);
                n++;
            }
        var order = Enumerable.Range(0, n).ToArray();
        var (rate, reg) = (options.LearningRate, options.Regularisation);

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            foreach (var s in order)
            {
                var u = sampleUser[s];
                Step(p, q, bu, bi, k, u, sampleItem[s], sampleTarget[s], rate * sampleConfidence[s], reg);
                for (var neg = 0; neg < options.NegativesPerPositive && items > 1; neg++)
                {
                    var j = rng.Next(items);
                    if (!Owns(feedback.ByUser[u], j)) Step(p, q, bu, bi, k, u, j, 0, rate, reg);
                }
            }
            epochDone?.Invoke(epoch + 1);
        }
        return new FactorScorer(k, [.. feedback.Users], ToFloat(p), ToFloat(bu), ToFloat(q), ToFloat(bi));
    }

    private static void Step(double[] p, double[] q, double[] bu, double[] bi, int k, int u, int i, double target, double lr, double reg)
    {
        var (pu, qi) = (u * k, i * k);
        var prediction = bu[u] + bi[i];
        for (var f = 0; f < k; f++) prediction += p[pu + f] * q[qi + f];
        var e = target - prediction;
        bu[u] += lr * (e - reg * bu[u]);
        bi[i] += lr * (e - reg * bi[i]);
        for (var f = 0; f < k; f++)
        {
            var (uf, vf) = (p[pu + f], q[qi + f]);
            p[pu + f] += lr * (e * vf - reg * uf);
            q[qi + f] += lr * (e * uf - reg * vf);
        }
    }

    private static bool Owns(ItemWeight[] history, int item)
    {
        int lo = 0, hi = history.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (history[mid].Item == item) return true;
            if (history[mid].Item < item) lo = mid + 1; else hi = mid - 1;
        }
        return false;
    }

    private static double[] Initial(Random rng, int length, double scale)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            // Box-Muller: a normal draw from two uniform ones.
            var r = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble()));
            values[i] = scale * r * Math.Cos(2 * Math.PI * rng.NextDouble());
        }
        return values;
    }

    private static float[] ToFloat(double[] values) => Array.ConvertAll(values, v => (float)v);
}
