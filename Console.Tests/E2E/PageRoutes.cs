using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Console.Tests.E2E;

/// <summary>
/// The routes and the few markers the browser tests rely on for the sales and audience pages. Texts taken from the
/// store (a customer's email, a session's title) are preferred; a data-testid only where no text can identify a number.
/// </summary>
public static class PageRoutes
{
    public const string Dashboard = "/sales";
    public const string Customers = "/customers";
    public const string LiveSessions = "/live-sessions";

    public static string CustomerProfile(long id) => $"{Customers}/{id}";
    public static string LiveSession(long id) => $"{LiveSessions}/{id}";

    /// <summary>The dashboard's range preset for the last 30 business days, today included.</summary>
    public const string Preset30Days = "[data-testid=range-Last30Days]";

    /// <summary>The KPI card holding the range's net revenue (after refunds), e.g. "¥39,120.00".</summary>
    public const string NetRevenueKpi = "[data-testid=kpi-NetRevenue]";

    /// <summary>The dashboard counts as rendered once its charts have drawn.</summary>
    public const string DashboardCharts = ".mud-chart svg";

    /// <summary>The page's own content, without the shell.</summary>
    public const string Main = ".mud-main-content";

    /// <summary>A row of a MudDataGrid's body.</summary>
    public const string GridRow = ".mud-table-body tr.mud-table-row";

    /// <summary>Whether the console has a page whose route starts with <paramref name="prefix"/>.</summary>
    public static bool Exists(string prefix) => Templates.Value.Any(t => t == prefix || t.StartsWith(prefix + "/", StringComparison.Ordinal));

    private static readonly Lazy<IReadOnlyList<string>> Templates = new(() => typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .ToList());
}

/// <summary>A browser test for a page that is not in the console yet: it is skipped, saying which page, until that route exists.</summary>
public sealed class PageFactAttribute : FactAttribute
{
    public PageFactAttribute(params string[] routes)
    {
        var missing = routes.Where(r => !PageRoutes.Exists(r)).ToList();
        if (missing.Count > 0) Skip = $"waits for the page(s) {string.Join(", ", missing)}";
    }
}
