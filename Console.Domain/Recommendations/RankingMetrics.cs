namespace Console.Domain.Recommendations;

/// <summary>How one recommender ranked a hold-out: means over the users who have at least one relevant hold-out item.</summary>
public sealed record RankingMetrics(string Recommender, int K, double Precision, double Recall, double Ndcg, double Coverage, int Users,
    double TrainSeconds)
{
    /// <summary>
    /// Top-k for each user with relevant items, never an item in their training history (or only the history items that
    /// <paramref name="excludes"/> picks, such as purchases). Precision is hits / k, recall is
    /// hits / relevant, NDCG is binary-gain DCG over the ideal DCG of min(relevant, k) hits, coverage is the share of the
    /// training catalogue that appears in anyone's list. A relevant item the training never saw still counts in recall.
    /// </summary>
    public static RankingMetrics Evaluate(IItemScorer scorer, Feedback train, IReadOnlyDictionary<string, IReadOnlySet<string>> relevant,
        int k, double trainSeconds = 0, Func<ItemWeight, bool>? excludes = null)
    {
        var items = train.Items.Count;
        var scores = new double[items];
        var shown = new bool[items];
        double precision = 0, recall = 0, ndcg = 0;
        var users = 0;
        foreach (var (userKey, wanted) in relevant.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (wanted.Count == 0) continue;
            var user = train.UserIndex.TryGetValue(userKey, out var u) ? u : -1;
            var history = user >= 0 ? train.ByUser[user] : [];
            var seen = new HashSet<int>(history.Where(h => excludes?.Invoke(h) ?? true).Select(h => h.Item));
            scorer.Score(user, history, scores);
            var top = TopItems.Pick(scores, k, seen.Contains);
            var (hits, dcg) = (0, 0.0);
            for (var rank = 0; rank < top.Length; rank++)
            {
                shown[top[rank]] = true;
                if (!wanted.Contains(train.Items[top[rank]])) continue;
                hits++;
                dcg += 1 / Math.Log2(rank + 2);
            }
            var ideal = 0.0;
            for (var rank = 0; rank < Math.Min(wanted.Count, k); rank++) ideal += 1 / Math.Log2(rank + 2);
            precision += (double)hits / k;
            recall += (double)hits / wanted.Count;
            ndcg += dcg / ideal;
            users++;
        }
        var coverage = items == 0 ? 0 : (double)shown.Count(s => s) / items;
        return users == 0
            ? new RankingMetrics(scorer.Name, k, 0, 0, 0, coverage, 0, trainSeconds)
            : new RankingMetrics(scorer.Name, k, precision / users, recall / users, ndcg / users, coverage, users, trainSeconds);
    }
}
