using Console.Domain.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Console.Web.Auth;

/// <summary>The cookie scheme is the default for pages; the API names its own ApiKey scheme and never sees a redirect.</summary>
public static class CookieAuth
{
    public const string CookieName = ".CampaignConsole.Auth";

    public static IServiceCollection AddConsoleCookieAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/auth/signout";
                o.AccessDeniedPath = "/denied";
                o.ReturnUrlParameter = "ReturnUrl";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateAsync;
            });
        return services;
    }

    // A disabled user, or one whose role changed, loses the session on the next request instead of at cookie expiry.
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserList>();
        if (context.Principal is null || !await UserClaims.StillValidAsync(context.Principal, users, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
