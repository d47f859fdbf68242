using Console.Domain.Admin;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace Console.Web.Hosting;

/// <summary>
/// The jobs dashboard is for signed-in Admins only, through the console's cookie sign-in (whose check has already
/// dropped disabled users and changed roles). Like the Admin pages: nobody signed in goes to the sign-in form,
/// anyone else to the access-denied page.
/// </summary>
public sealed class JobsDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin)) return true;
        if (user.Identity?.IsAuthenticated == true) await http.ForbidAsync();
        else await http.ChallengeAsync();
        // A started response keeps the redirect: Hangfire then leaves the status code alone.
        await http.Response.StartAsync();
        return false;
    }
}
