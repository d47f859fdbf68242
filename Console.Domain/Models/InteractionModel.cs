using System.Text.Json;

namespace Console.Domain.Models;

/// <summary>
/// The live-interaction model: orders per 100 viewers of a 5-minute slot as a linear function of what the room did
/// in it. Coefficients are in the features' own units; Bootstrap holds one set per resample of the training sessions,
/// which gives every weight and every what-if answer its interval.
/// </summary>
public sealed record InteractionModel(
    string[] Names,
    double[] Coefficients,
    double Intercept,
    double[][] Bootstrap,
    double[] BootstrapIntercepts,
    int[] Support,
    int TrainSlots,
    int TrainSessions,
    double MeanSlotViewers,
    double MeanUniqueViewers)
{
    public static readonly string[] FeatureNames = ["questions", "poll", "lottery", "coupon_push", "chat_rate", "viewers", "hours_in"];

    /// <summary>Slots watched by fewer people say too little about conversion to learn from.</summary>
    public const int MinViewers = 3;

    public static double[] Features(InteractionSlot s) =>
    [
        100.0 * s.Questions / Math.Max(1, s.Viewers),
        s.PollVotes > 0 ? 1 : 0,
        s.LotteryJoins > 0 ? 1 : 0,
        s.CouponClaims > 0 ? 1 : 0,
        100.0 * s.Chats / InteractionSlotReader.SlotMinutes / Math.Max(1, s.Viewers),
        Math.Log(1 + s.Viewers),
        s.Slot * InteractionSlotReader.SlotMinutes / 60.0,
    ];

    public double Predict(double[] x)
    {
        var y = Intercept;
        for (var i = 0; i < x.Length; i++) y += Coefficients[i] * x[i];
        return y;
    }

    /// <summary>The 2.5th and 97.5th percentiles of a coefficient over the bootstrap resamples.</summary>
    public (double Low, double High) Interval(int feature) =>
        Percentiles(Bootstrap.Select(b => b[feature]).ToArray());

    internal static (double Low, double High) Percentiles(double[] values)
    {
        if (values.Length == 0) return (double.NaN, double.NaN);
        Array.Sort(values);
        double At(double q)
        {
            var position = q * (values.Length - 1);
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(values.Length - 1, lower + 1);
            return values[lower] + (values[upper] - values[lower]) * (position - lower);
        }
        return (At(0.025), At(0.975));
    }

    /// <summary>R² of the model on slots, each weighted by its viewers as in training.</summary>
    public double RSquared(IReadOnlyList<InteractionSlot> slots)
    {
        var used = slots.Where(s => s.Viewers >= MinViewers).ToList();
        if (used.Count < 2) return double.NaN;
        double weights = used.Sum(s => (double)s.Viewers);
        var mean = used.Sum(s => s.Viewers * s.Conversion) / weights;
        double residual = 0, total = 0;
        foreach (var s in used)
        {
            var error = s.Conversion - Predict(Features(s));
            residual += s.Viewers * error * error;
            total += s.Viewers * (s.Conversion - mean) * (s.Conversion - mean);
        }
        return total == 0 ? double.NaN : 1 - residual / total;
    }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, ModelRegistry.Json);

    public static InteractionModel FromBytes(byte[] bytes) =>
        JsonSerializer.Deserialize<InteractionModel>(bytes, ModelRegistry.Json) ?? throw new InvalidDataException("Not an interaction model.");
}
