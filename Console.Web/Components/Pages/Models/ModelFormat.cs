using System.Globalization;
using Console.Domain.Models;
using Console.Web.Ui;

namespace Console.Web.Components.Pages.Models;

/// <summary>How the models page writes figures: four significant places for scores, a percent for probabilities.</summary>
internal static class ModelFormat
{
    /// <summary>The figure each kind is judged by, as its trainer compares candidates.</summary>
    public static string MainMetric(string kind) => kind switch
    {
        ModelKinds.Propensity => "auc",
        ModelKinds.Interaction => "r2_holdout",
        _ => "precision_at_10",
    };

    public static readonly string[] Shown = ["auc", "log_loss", "top_decile_lift", "r2_holdout", "rmse_holdout", "precision_at_10"];

    public static string Figure(double value) =>
        double.IsFinite(value) ? value.ToString("0.####", CultureInfo.CurrentCulture) : "—";

    public static string Figure(IReadOnlyDictionary<string, double>? metrics, string key) =>
        metrics is not null && metrics.TryGetValue(key, out var v) ? Figure(v) : "—";

    public static string Percent(double probability) =>
        double.IsFinite(probability) ? probability.ToString("P1", CultureInfo.CurrentCulture) : "—";

    public static ChartFormat Scores { get; } = new(
        v => v.ToString("0.###", CultureInfo.CurrentCulture), v => v.ToString("0.##", CultureInfo.CurrentCulture),
        v => v.ToString("0.##", CultureInfo.CurrentCulture));
}
