using Console.Web.Auth;
using MudBlazor;

namespace Console.Web.Components.Layout;

/// <summary>Strings names the resource marker holding LabelKey when it is not the shared Strings.</summary>
public sealed record NavPage(string Href, string LabelKey, string Icon, string Policy, Type? Strings = null);

public sealed record NavArea(string LabelKey, string Icon, IReadOnlyList<NavPage> Pages);

/// <summary>Every page in the navigation, grouped by area. An area with no page the user may open is not shown.</summary>
public static class NavCatalog
{
    public static readonly NavPage Home = new("/", "Nav.Home", Icons.Material.Outlined.Home, UiPolicies.SignedIn);

    public static readonly IReadOnlyList<NavArea> Areas =
    [
        new("Nav.Sales", Icons.Material.Outlined.PointOfSale,
        [
            new("/sales", "Sales.Nav", Icons.Material.Outlined.Dashboard, UiPolicies.SignedIn, typeof(Console.Web.Resources.SalesStrings)),
            new("/courses", "Courses.Nav", Icons.Material.Outlined.School, UiPolicies.SignedIn, typeof(Console.Web.Resources.CoursesStrings)),
            new("/live-sessions", "Sessions.Nav", Icons.Material.Outlined.LiveTv, UiPolicies.SignedIn, typeof(Console.Web.Resources.LiveSessionsStrings)),
            new("/orders", "Orders.Nav", Icons.Material.Outlined.ReceiptLong, UiPolicies.SignedIn, typeof(Console.Web.Resources.OrdersStrings)),
            new("/reports", "Reports.Nav", Icons.Material.Outlined.PictureAsPdf, UiPolicies.Insights, typeof(Console.Web.Resources.ReportsStrings)),
        ]),
        new("Nav.Audience", Icons.Material.Outlined.People,
        [
            new("/customers", "Customers.Nav", Icons.Material.Outlined.PersonSearch, UiPolicies.SignedIn, typeof(Console.Web.Resources.CustomersStrings)),
            new("/audience/segments", "Segments.Nav", Icons.Material.Outlined.FilterAlt, UiPolicies.Campaigns, typeof(Console.Web.Resources.SegmentsStrings)),
        ]),
        new("Nav.Promotions", Icons.Material.Outlined.LocalOffer,
        [
            new("/promotions/coupons", "Coupons.Nav", Icons.Material.Outlined.ConfirmationNumber, UiPolicies.Campaigns, typeof(Console.Web.Resources.CouponsStrings)),
            new("/promotions/group-buys", "GroupBuys.Nav", Icons.Material.Outlined.Groups, UiPolicies.Campaigns, typeof(Console.Web.Resources.GroupBuysStrings)),
            new("/promotions/email", "Email.Nav", Icons.Material.Outlined.Email, UiPolicies.Campaigns, typeof(Console.Web.Resources.EmailStrings)),
        ]),
        new("Nav.Partners", Icons.Material.Outlined.Handshake,
        [
            new("/partners/kols", "Partners.Nav.Kols", Icons.Material.Outlined.RecordVoiceOver, UiPolicies.Campaigns, typeof(Console.Web.Resources.PartnersStrings)),
            new("/partners/payouts", "Partners.Nav.Payouts", Icons.Material.Outlined.Payments, UiPolicies.Insights, typeof(Console.Web.Resources.PartnersStrings)),
            new("/partners/roi", "Partners.Nav.Roi", Icons.Material.Outlined.Leaderboard, UiPolicies.Insights, typeof(Console.Web.Resources.PartnersStrings)),
        ]),
        new("Nav.Insights", Icons.Material.Outlined.Insights,
        [
            new("/insights/experiments", "Experiments.Nav", Icons.Material.Outlined.Science, UiPolicies.Campaigns, typeof(Console.Web.Resources.ExperimentsStrings)),
            new("/insights/calculators", "Statistics.Nav", Icons.Material.Outlined.Calculate, UiPolicies.Campaigns, typeof(Console.Web.Resources.StatisticsStrings)),
            new("/insights/surveys", "Surveys.Nav", Icons.Material.Outlined.Poll, UiPolicies.Campaigns, typeof(Console.Web.Resources.SurveysStrings)),
            new("/insights/text-models", "Text.Nav.Models", Icons.Material.Outlined.Psychology, UiPolicies.Campaigns, typeof(Console.Web.Resources.TextStrings)),
            new("/insights/models", "Models.Nav", Icons.Material.Outlined.ModelTraining, UiPolicies.SignedIn, typeof(Console.Web.Resources.ModelsStrings)),
        ]),
        new("Nav.Admin", Icons.Material.Outlined.AdminPanelSettings,
        [
            new("/admin/users", "Nav.Users", Icons.Material.Outlined.ManageAccounts, UiPolicies.Admin),
            new("/admin/api-keys", "Nav.ApiKeys", Icons.Material.Outlined.Key, UiPolicies.Admin),
            new("/admin/audit", "Nav.Audit", Icons.Material.Outlined.History, UiPolicies.Admin),
            new("/admin/jobs", "Nav.Jobs", Icons.Material.Outlined.Schedule, UiPolicies.Admin),
            new("/admin/privacy", "Consent.Nav", Icons.Material.Outlined.PrivacyTip, UiPolicies.Admin, typeof(Console.Web.Resources.ConsentStrings)),
        ]),
    ];

    /// <summary>The areas to show, each holding only the pages whose policy the user meets.</summary>
    public static IReadOnlyList<NavArea> Visible(IReadOnlySet<string> allowedPolicies) =>
        Areas.Select(a => a with { Pages = a.Pages.Where(p => allowedPolicies.Contains(p.Policy)).ToList() })
            .Where(a => a.Pages.Count > 0)
            .ToList();

    public static IEnumerable<string> Policies => Areas.SelectMany(a => a.Pages).Select(p => p.Policy).Append(Home.Policy).Distinct();
}
