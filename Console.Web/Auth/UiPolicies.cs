using Console.Domain.Admin;
using Microsoft.AspNetCore.Authorization;

namespace Console.Web.Auth;

/// <summary>Page policies. Admins may do everything; Managers read numbers; Marketers run campaigns.</summary>
public static class UiPolicies
{
    public const string SignedIn = "ui-signed-in";
    public const string Admin = "ui-admin";
    public const string Insights = "ui-insights";
    public const string Campaigns = "ui-campaigns";

    public static AuthorizationBuilder AddUiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
        .AddPolicy(Insights, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Manager))
        .AddPolicy(Campaigns, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Marketer));
}
