namespace Console.Domain.Recommendations;

/// <summary>
/// A scorer trained on one feedback set, asked with the user and item indexes of another: the same customers and courses
/// by key, so a model fitted on older data can rank a newer hold-out. A user or course the model never saw is unknown to it.
/// </summary>
public sealed class ReindexedScorer : IItemScorer
{
    private readonly IItemScorer _inner;
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly int _innerItems;

    private ReindexedScorer(IItemScorer inner, int[] users, int[] items, int innerItems) =>
        (_inner, _users, _items, _innerItems) = (inner, users, items, innerItems);

    public string Name => _inner.Name;

    /// <summary>The scorer itself when both sets index users and items alike, else a wrapper that translates.</summary>
    public static IItemScorer For(IItemScorer scorer, Feedback trainedOn, Feedback askedWith)
    {
        if (ReferenceEquals(trainedOn, askedWith)) return scorer;
        var users = askedWith.Users.Select(u => trainedOn.UserIndex.TryGetValue(u, out var i) ? i : -1).ToArray();
        var items = askedWith.Items.Select(k => trainedOn.ItemIndex.TryGetValue(k, out var i) ? i : -1).ToArray();
        return new ReindexedScorer(scorer, users, items, trainedOn.Items.Count);
    }

    public void Score(int user, ReadOnlySpan<ItemWeight> history, Span<double> scores)
    {
        var mapped = new List<ItemWeight>(history.Length);
        foreach (var h in history)
            if (_items[h.Item] >= 0) mapped.Add(h with { Item = _items[h.Item] });
        mapped.Sort((a, b) => a.Item.CompareTo(b.Item));
        var inner = new double[_innerItems];
        _inner.Score(user >= 0 ? _users[user] : -1, mapped.ToArray(), inner);
        // A course the model never saw ranks below every course it knows.
        for (var i = 0; i < _items.Length; i++) scores[i] = _items[i] >= 0 ? inner[_items[i]] : double.NegativeInfinity;
    }
}
