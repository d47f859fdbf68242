using Console.Domain.Admin;
using Console.Domain.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Console.Web.Auth;

/// <summary>Sign-in and sign-out are plain form posts: a Blazor circuit cannot set cookies.</summary>
internal static class AuthEndpoints
{
    public sealed record SignInForm(string? Email, string? Password, string? ReturnUrl);

    public static void Map(WebApplication app)
    {
        var auth = app.MapGroup("/auth").ExcludeFromDescription();
        auth.MapPost("/signin", SignInAsync);
        auth.MapPost("/signout", SignOutAsync);
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, HttpContext http, SignInCheck check, BusinessTime time)
    {
        var returnUrl = LocalUrl.OrHome(form.ReturnUrl);
        var result = await check.CheckAsync(form.Email, form.Password, http.RequestAborted);
        if (result.Outcome == SignInOutcome.Success)
        {
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.Principal(result.User!),
                new AuthenticationProperties { IsPersistent = false });
            return Results.LocalRedirect(returnUrl);
        }
        // The email goes back to the form so that only the password has to be typed again.
        var query = new Dictionary<string, string?> { ["ReturnUrl"] = returnUrl, ["email"] = KeptEmail(form.Email) };
        switch (result.Outcome)
        {
            case SignInOutcome.Locked:
                query["error"] = "locked";
                query["until"] = TimeZoneInfo.ConvertTimeFromUtc(result.LockedUntil!.Value, time.Zone).ToString("HH:mm");
                break;
            case SignInOutcome.Disabled:
                query["error"] = "disabled";
                break;
            default:
                query["error"] = "wrong";
                break;
        }
        return Results.LocalRedirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/signin", query));
    }

    private static string? KeptEmail(string? email)
    {
        var text = email?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > 254 ? null : text;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        // No form fields are bound here, so the token is checked by hand: another site must not sign users out.
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/signin");
    }
}
