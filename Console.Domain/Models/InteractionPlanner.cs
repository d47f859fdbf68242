namespace Console.Domain.Models;

/// <summary>Something the host does at a minute of the show: push the coupon, run a poll or a lottery draw, answer questions.</summary>
public sealed record PlannedAction(string Kind, int Minute, int Count = 1);

public static class PlannedActionKinds
{
    public const string CouponPush = "coupon_push";
    public const string Poll = "poll";
    public const string Lottery = "lottery";
    public const string Questions = "questions";

    public static readonly string[] All = [CouponPush, Poll, Lottery, Questions];
}

/// <summary>
/// The predicted change of a plan: extra orders and the change in conversion (orders per 100 unique viewers) with a
/// 95 % bootstrap interval. Verdict is raises, lowers, unclear (the interval spans zero) or too_little_data.
/// </summary>
public sealed record WhatIfAnswer(string Verdict, double ExtraOrders, double ExtraOrdersLow, double ExtraOrdersHigh,
    double ConversionChange, double ConversionChangeLow, double ConversionChangeHigh, double UniqueViewers, ThinData? ThinReason);

/// <summary>
/// Answers "push a coupon at minute 30 and run 2 polls" with the active interaction model. Each action changes its
/// feature in the slot of its minute (polls and draws take one slot each, from that minute on); the extra orders of a
/// slot are its predicted change in orders per 100 viewers times the viewers expected there, taken from a past show
/// when one is given, else from the training average.
/// </summary>
public static class InteractionPlanner
{
    /// <summary>Fewer training slots than this, or fewer slots where an action's feature was seen, is too little to tell.</summary>
    public const int MinSlots = 200;
    public const int MinSupport = 20;
    public const int MinBootstrap = 20;

    public static WhatIfAnswer Plan(InteractionModel model, IReadOnlyList<PlannedAction> actions, SessionSlots? profile)
    {
        var unique = profile is { UniqueViewers: > 0 } ? profile.UniqueViewers : model.MeanUniqueViewers;
        var changes = Changes(actions, profile, model);
        double Orders(double[] coefficients) => changes.Sum(c => coefficients[c.Feature] * c.Delta * c.Viewers / 100.0);
        var point = Orders(model.Coefficients);
        var draws = model.Bootstrap.Select(Orders).ToArray();
        var (low, high) = InteractionModel.Percentiles(draws);
        var thin = ThinReason(model, changes.Select(c => c.Feature).Distinct());
        var verdict = thin is not null ? "too_little_data"
            : low > 0 ? "raises"
            : high < 0 ? "lowers"
            : "unclear";
        double Pp(double orders) => unique > 0 ? 100.0 * orders / unique : double.NaN;
        return new WhatIfAnswer(verdict, point, low, high, Pp(point), Pp(low), Pp(high), unique, thin);
    }

    private static ThinData? ThinReason(InteractionModel model, IEnumerable<int> features)
    {
        if (model.TrainSlots < MinSlots) return new ThinData(ThinData.FewSlots, null, model.TrainSlots, MinSlots);
        if (model.Bootstrap.Length < MinBootstrap) return new ThinData(ThinData.FewResamples, null, model.Bootstrap.Length, MinBootstrap);
        foreach (var f in features)
            if (model.Support[f] < MinSupport)
                return new ThinData(ThinData.RareAction, model.Names[f], model.Support[f], MinSupport);
        return null;
    }

    private sealed record Change(int Feature, double Delta, double Viewers);

    private static List<Change> Changes(IReadOnlyList<PlannedAction> actions, SessionSlots? profile, InteractionModel model)
    {
        double ViewersAt(int slot) => profile is not null && slot < profile.Slots.Count && profile.Slots[slot].Viewers > 0
            ? profile.Slots[slot].Viewers
            : model.MeanSlotViewers;
        var changes = new List<Change>();
        foreach (var a in actions)
        {
            var slot = Math.Max(0, a.Minute) / InteractionSlotReader.SlotMinutes;
            switch (a.Kind)
            {
                case PlannedActionKinds.Questions:
                    var viewers = ViewersAt(slot);
                    changes.Add(new Change(0, 100.0 * a.Count / Math.Max(1, viewers), viewers));
                    break;
                default:
                    var feature = Array.IndexOf(InteractionModel.FeatureNames, a.Kind);
                    if (feature < 0) throw new ArgumentException($"Unknown action '{a.Kind}'.", nameof(actions));
                    for (var i = 0; i < Math.Max(1, a.Count); i++)
                        changes.Add(new Change(feature, 1, ViewersAt(slot + i)));
                    break;
            }
        }
        return changes;
    }
}

/// <summary>Why the data is too thin to tell, as a code the console words: what was counted, how many, and how many it needs.</summary>
public sealed record ThinData(string Code, string? Feature, int Have, int Need)
{
    public const string FewSlots = "few_slots";
    public const string FewResamples = "few_resamples";
    public const string RareAction = "rare_action";
}
