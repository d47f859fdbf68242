namespace Console.Domain.Recommendations;

/// <summary>One user's weighted interest in one item; Weight is implicit-feedback confidence, never a star rating.</summary>
public readonly record struct ItemWeight(int Item, double Weight);

/// <summary>
/// Implicit feedback with dense user and item indexes: for each user, the items they showed interest in and how strongly.
/// Items are indexed in ordinal order of their keys, so ties between equal scores break the same way on every run.
/// </summary>
public sealed class Feedback
{
    public Feedback(IReadOnlyList<string> users, IReadOnlyList<string> items, IReadOnlyList<ItemWeight[]> byUser)
    {
        Users = users;
        Items = items;
        ByUser = byUser;
        UserIndex = Index(users);
        ItemIndex = Index(items);
    }

    public IReadOnlyList<string> Users { get; }
    public IReadOnlyList<string> Items { get; }

    /// <summary>Per user, items in ascending index order, each once.</summary>
    public IReadOnlyList<ItemWeight[]> ByUser { get; }

    public IReadOnlyDictionary<string, int> UserIndex { get; }
    public IReadOnlyDictionary<string, int> ItemIndex { get; }

    public int Count => ByUser.Sum(u => u.Length);

    /// <summary>Sums repeated (user, item) weights into one; items come in ordinal key order, users in first-seen order.</summary>
    public static Feedback From(IEnumerable<(string User, string Item, double Weight)> rows, IEnumerable<string>? catalogue = null)
    {
        var sums = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var users = new List<string>();
        var itemKeys = new SortedSet<string>(catalogue ?? [], StringComparer.Ordinal);
        foreach (var (user, item, weight) in rows)
        {
            if (!sums.TryGetValue(user, out var items))
            {
                sums[user] = items = new Dictionary<string, double>(StringComparer.Ordinal);
                users.Add(user);
            }
            items[item] = items.GetValueOrDefault(item) + weight;
            itemKeys.Add(item);
        }
        var itemList = itemKeys.ToList();
        var itemIndex = Index(itemList);
        var byUser = users.Select(u => sums[u].Select(p => new ItemWeight(itemIndex[p.Key], p.Value)).OrderBy(w => w.Item).ToArray()).ToList();
        return new Feedback(users, itemList, byUser);
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> keys)
    {
        var index = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) index[keys[i]] = i;
        return index;
    }
}
