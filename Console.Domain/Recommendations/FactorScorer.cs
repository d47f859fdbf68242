namespace Console.Domain.Recommendations;

/// <summary>
/// User and item factors with biases: R_ui = u_u·v_i + b_u + b_i. Someone the training never saw is folded in as the mean
/// factor vector of the items in their history, with no user bias; with no history that leaves b_i, an item's pull.
/// </summary>
public sealed class FactorScorer(int factors, string[] users, float[] userFactors, float[] userBias, float[] itemFactors, float[] itemBias)
    : IItemScorer
{
    public string Name => RecommenderNames.Factors;

    public int Factors => factors;
    public IReadOnlyList<string> Users => users;
    public ReadOnlySpan<float> UserFactors => userFactors;
    public ReadOnlySpan<float> UserBias => userBias;
    public ReadOnlySpan<float> ItemFactors => itemFactors;
    public ReadOnlySpan<float> ItemBias => itemBias;
    public int ItemCount => itemBias.Length;

    /// <summary>The model's R_ui for a known user and item.</summary>
    public double Predict(int user, int item)
    {
        var r = (double)userBias[user] + itemBias[item];
        for (var f = 0; f < factors; f++) r += userFactors[user * factors + f] * itemFactors[item * factors + f];
        return r;
    }

    public void Score(int user, ReadOnlySpan<ItemWeight> history, Span<double> scores)
    {
        Span<double> u = stackalloc double[factors];
        var bias = 0.0;
        if (user >= 0)
        {
            for (var f = 0; f < factors; f++) u[f] = userFactors[user * factors + f];
            bias = userBias[user];
        }
        else if (history.Length > 0)
        {
            foreach (var h in history)
                for (var f = 0; f < factors; f++) u[f] += itemFactors[h.Item * factors + f] / history.Length;
        }
        for (var i = 0; i < itemBias.Length; i++)
        {
            var r = bias + itemBias[i];
            for (var f = 0; f < factors; f++) r += u[f] * itemFactors[i * factors + f];
            scores[i] = r;
        }
    }
}
