using Console.Domain.Data;
using Console.Domain.Statistics;

namespace Console.Web.Components.Pages.Statistics;

/// <summary>What the sample-size calculator holds: rates in percent as people type them, the engine's shares underneath.</summary>
public sealed class SampleSizeForm
{
    public double? BaselinePercent { get; set; } = 10;
    public double? Mde { get; set; } = 10;
    public string MdeKind { get; set; } = "relative";
    public long? TrafficPerDay { get; set; } = 1000;
    public int? Variants { get; set; } = 2;
    public double Confidence { get; set; } = 0.95;
    public double Power { get; set; } = 0.8;

    public sealed record Answer(SampleSizeResult Size, long Days);

    /// <summary>The engine's answer, or null with the errors filled in under the form's field names.</summary>
    public Answer? Compute(FieldErrors errors)
    {
        if (BaselinePercent is null) errors.Add("baseline", FieldCodes.Required);
        if (Mde is null) errors.Add("mde", FieldCodes.Required);
        if (TrafficPerDay is null) errors.Add("trafficPerDay", FieldCodes.Required);
        if (Variants is null) errors.Add("variants", FieldCodes.Required);
        if (!errors.Valid) return null;
        try
        {
            var size = SampleSize.ForProportions(BaselinePercent!.Value / 100, Mde!.Value / 100, MdeKind == "relative", 1 - Confidence, Power,
                Variants!.Value);
            return new Answer(size, size.DaysAt(TrafficPerDay!.Value));
        }
        catch (StatisticsInputException e)
        {
            // The form takes the baseline in percent, so its bounds are told in percent too.
            var args = e.Field == "baseline" && e.Code == StatisticsCodes.OutOfRange ? [0, 100] : e.Args;
            errors.Add(e.Field, e.Code, args);
            return null;
        }
    }
}

/// <summary>What the "check my numbers" form holds: users and conversions of both arms, and the confidence to judge at.</summary>
public sealed class CheckForm
{
    public long? ControlN { get; set; }
    public long? ControlConversions { get; set; }
    public long? TreatmentN { get; set; }
    public long? TreatmentConversions { get; set; }
    public double Confidence { get; set; } = 0.95;

    public ProportionsResult? Compute(FieldErrors errors)
    {
        if (ControlN is null) errors.Add("control.n", FieldCodes.Required);
        if (ControlConversions is null) errors.Add("control.conversions", FieldCodes.Required);
        if (TreatmentN is null) errors.Add("treatment.n", FieldCodes.Required);
        if (TreatmentConversions is null) errors.Add("treatment.conversions", FieldCodes.Required);
        if (!errors.Valid) return null;
        try
        {
            return Proportions.Compare(new ProportionArm(ControlN!.Value, ControlConversions!.Value),
                new ProportionArm(TreatmentN!.Value, TreatmentConversions!.Value), 1 - Confidence);
        }
        catch (StatisticsInputException e)
        {
            errors.Add(e.Field, e.Code, e.Args);
            return null;
        }
    }
}

/// <summary>How the calculators write their figures, in the reader's culture.</summary>
public static class StatisticsFormat
{
    public static readonly double[] Confidences = [0.90, 0.95, 0.99];
    public static readonly double[] Powers = [0.8, 0.9];
    public static readonly string[] MdeKinds = ["relative", "absolute"];

    // A custom pattern: the standard "P" puts a space before % in some cultures, and neither language here writes one.
    public static string Percent(double share, int places = 2) =>
        share.ToString(places == 0 ? "0%" : "0." + new string('0', places) + "%", System.Globalization.CultureInfo.CurrentCulture);

    public static string Signed(double value, string format) =>
        value.ToString($"+{format};-{format};{format}", System.Globalization.CultureInfo.CurrentCulture);

    public static string Points(double share) => Signed(share * 100, "0.00");

    public static string Whole(long value) => value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    public static string PValue(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", System.Globalization.CultureInfo.CurrentCulture);
}
