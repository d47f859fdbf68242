using System.Globalization;
using Console.Web.Auth;
using Microsoft.AspNetCore.Localization;

namespace Console.Web.Ui;

/// <summary>English and Simplified Chinese; the choice lives in the standard culture cookie.</summary>
public static class UiCultures
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";
    public static readonly string[] All = [English, Chinese];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions { FallBackToParentCultures = true, FallBackToParentUICultures = true }
            .SetDefaultCulture(English)
            .AddSupportedCultures(All)
            .AddSupportedUICultures(All);
        // The cookie wins over the browser's Accept-Language; the query string is not a way in.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    /// <summary>GET /culture/{name}?returnUrl=…: stores the choice and goes back; a page reload applies it everywhere.</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (culture is null) return Results.NotFound();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieValue(culture),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();

    public static string DisplayName(string culture) => culture == Chinese ? "简体中文" : "English";

    public static bool IsCurrent(string culture) =>
        CultureInfo.CurrentUICulture.Name.Equals(culture, StringComparison.OrdinalIgnoreCase);
}
