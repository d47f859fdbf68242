using Console.Web.Auth;

namespace Console.Web.Ui;

/// <summary>
/// Light or dark, kept in a cookie like the language. The theme's CSS is written into each page outside the circuit, so
/// no open page keeps its own copy; switching reloads the page, as switching language does.
/// </summary>
public static class UiTheme
{
    public const string CookieName = "cc-theme";

    public static bool IsDark(HttpContext? http) => http?.Request.Cookies[CookieName] == "dark";

    /// <summary>GET /theme/{light|dark}?returnUrl=…: stores the choice and goes back.</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/theme/{mode}", (string mode, string? returnUrl, HttpContext http) =>
        {
            if (mode is not ("light" or "dark")) return Results.NotFound();
            http.Response.Cookies.Append(CookieName, mode,
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();
}
