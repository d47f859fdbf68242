using Console.Domain.Reports;
using Console.Domain.Sales;
using static Console.Web.Api.ApiFields;

namespace Console.Web.Api;

/// <summary>What each field of the report requests means and accepts, for the OpenAPI document.</summary>
internal static class ReportsApiFields
{
    private const string Day = " A business day (time zone Business:TimeZone) as YYYY-MM-DD.";

    public static readonly Dictionary<Type, IReadOnlyDictionary<string, Field>> Requests = new()
    {
        [typeof(ReportInput)] = new Dictionary<string, Field>
        {
            ["kind"] = new("The report: sales.", Kinds.Word, true, Words: ReportKinds.All),
            ["from"] = new("The period's first day." + Day, Required: true),
            ["to"] = new($"The period's last day, included; not after today and at most {SalesPeriod.MaxDays} days after from." + Day, Required: true),
            ["language"] = new("The report's language; default en.", Kinds.Word, Words: ReportLanguages.All),
        },
        [typeof(ReportScheduleInput)] = new Dictionary<string, Field>
        {
            ["kind"] = new("The report: sales.", Kinds.Word, true, Words: ReportKinds.All),
            ["cadence"] = new("weekly: the seven days before the run day; monthly: the calendar month before it.", Kinds.Word, true,
                Words: ReportCadences.All),
            ["dayOfWeek"] = new("For weekly: the run day, 1 (Monday) to 7 (Sunday); default 1.", Kinds.Whole, Min: 1, Max: 7),
            ["dayOfMonth"] = new("For monthly: the run day of the month, 1 to 28; default 1.", Kinds.Whole, Min: 1, Max: 28),
            ["hour"] = new("The run hour in the business time zone, 0 to 23; default 8.", Kinds.Whole, Min: 0, Max: 23),
            ["language"] = new("The report's language; default en.", Kinds.Word, Words: ReportLanguages.All),
            ["recipients"] = new($"The email addresses to mail the PDF to, 1 to {ReportSchedules.MaxRecipients}.", Kinds.List, true,
                MaxItems: ReportSchedules.MaxRecipients),
        },
    };
}
