using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Email;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Console.Web.Components.Pages.Email;

/// <summary>How the email pages show statuses, progress and field errors.</summary>
public static class EmailFormat
{
    public static Color StatusColor(string status) => status switch
    {
        EmailCampaignStatus.Sending => Color.Info,
        EmailCampaignStatus.Sent => Color.Success,
        EmailCampaignStatus.Paused => Color.Warning,
        EmailCampaignStatus.Scheduled => Color.Primary,
        _ => Color.Default,
    };

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    public static string When(DateTime? utc, BusinessTime time) => utc is { } t
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), time.Zone).ToString("g", CultureInfo.CurrentCulture)
        : "–";

    public static string Count(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The errors of one field in the reader's language, joined; null when it has none.</summary>
    public static string? ErrorsFor(FieldErrors? errors, string field, IStringLocalizer strings)
    {
        if (errors is null || !errors.Has(field)) return null;
        return string.Join(" ", errors.For(field).Select(e =>
        {
            var text = strings["Err." + e.Code];
            return text.ResourceNotFound ? e.Code : string.Format(CultureInfo.CurrentCulture, text.Value, e.Args);
        }));
    }
}
