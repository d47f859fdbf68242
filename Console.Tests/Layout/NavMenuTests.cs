using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using Console.Web.Auth;
using Console.Web.Components.Layout;

namespace Console.Tests.Layout;

public sealed class NavMenuTests : UiContext
{
    [Fact]
    public void Areas_without_a_page_the_user_may_open_are_left_out()
    {
        // The models page is for every role: managers read it, marketers plan with it.
        Assert.Equal(["Nav.Sales", "Nav.Audience", "Nav.Insights"], NavCatalog.Visible(new HashSet<string> { UiPolicies.SignedIn }).Select(a => a.LabelKey));
        var admin = Assert.Single(NavCatalog.Visible(new HashSet<string> { UiPolicies.Admin }));
        Assert.Equal("Nav.Admin", admin.LabelKey);
        Assert.Equal(["/admin/users", "/admin/api-keys", "/admin/audit", "/admin/jobs", "/admin/privacy"], admin.Pages.Select(p => p.Href));
        Assert.All(NavCatalog.Areas.SelectMany(a => a.Pages), p => Assert.StartsWith("/", p.Href));
    }

    [Fact]
    public void An_admin_sees_the_admin_group_and_a_marketer_only_home()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("a@x.io");
        auth.SetPolicies(UiPolicies.SignedIn, UiPolicies.Admin);
        var forAdmin = Render<NavMenu>();
        Assert.Contains("Audit log", forAdmin.Markup);
        Assert.Contains("Jobs", forAdmin.Markup);
        Assert.Equal(12, forAdmin.FindAll("a[href]").Count);

        auth.SetPolicies(UiPolicies.SignedIn);
        var forMarketer = Render<NavMenu>();
        Assert.Contains("Home", forMarketer.Markup);
        Assert.DoesNotContain("Admin", forMarketer.Markup);
        // Pages labelled from another resource than Strings still show their text.
        Assert.Contains("Live sessions", forMarketer.Markup);
        Assert.Contains("Dashboard", forMarketer.Markup);
        Assert.Contains("Orders", forMarketer.Markup);
        Assert.Equal(["/", "/sales", "/courses", "/live-sessions", "/orders", "/customers", "/insights/models"], forMarketer.FindAll("a[href]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_current_page_is_marked_and_a_group_folds_and_unfolds()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("m@x.io");
        auth.SetPolicies(UiPolicies.SignedIn);
        var nav = Render<NavMenu>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/courses/5");

        nav.WaitForAssertion(() => Assert.Equal(["/courses"], nav.FindAll("a[aria-current=page]").Select(a => a.GetAttribute("href"))));
        nav.FindAll("button.mud-nav-link")[0].Click();
        Assert.Equal(["/", "/customers", "/insights/models"], nav.FindAll("a[href]").Select(a => a.GetAttribute("href")));
        Assert.Equal("false", nav.FindAll("button.mud-nav-link")[0].GetAttribute("aria-expanded"));
        nav.FindAll("button.mud-nav-link")[0].Click();
        Assert.Equal(7, nav.FindAll("a[href]").Count);
    }
}
