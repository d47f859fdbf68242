using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Experiments;
using MudBlazor;

namespace Console.Web.Components.Pages.Experiments;

/// <summary>How the experiments pages show statuses, days, rates and p-values in the reader's culture.</summary>
public static class ExperimentFormat
{
    public static Color StatusColor(string status) => status switch
    {
        ExperimentStatus.Running => Color.Success,
        ExperimentStatus.Stopped => Color.Default,
        _ => Color.Info,
    };

    public static string Day(DateTime? utc, BusinessTime time) =>
        utc is { } t ? time.DayOf(t).ToString("d", CultureInfo.CurrentCulture) : "—";

    public static string Moment(DateTime utc, BusinessTime time) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), time.Zone).ToString("g", CultureInfo.CurrentCulture);

    public static string Percent(double share, int digits = 2) => share.ToString("P" + digits, CultureInfo.CurrentCulture);

    /// <summary>A signed change: +1.25% or −0.40%.</summary>
    public static string SignedPercent(double share) => (share >= 0 ? "+" : "") + share.ToString("P2", CultureInfo.CurrentCulture);

    public static string Number(double value, int digits = 2) => value.ToString("N" + digits, CultureInfo.CurrentCulture);

    public static string Signed(double value, int digits = 2) => (value >= 0 ? "+" : "") + value.ToString("N" + digits, CultureInfo.CurrentCulture);

    public static string PValue(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.CurrentCulture);
}
