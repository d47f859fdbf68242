using System.Security.Claims;
using Console.Domain.Admin;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Console.Web.Auth;

/// <summary>The claims a console session carries: the user id, email and role, nothing else.</summary>
public static class UserClaims
{
    public static ClaimsPrincipal Principal(ConsoleUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.Email),
        new Claim(ClaimTypes.Role, user.Role),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string Email(ClaimsPrincipal principal) => principal.Identity?.Name ?? "";

    public static string Role(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Role) ?? "";

    /// <summary>Still the same user: present, enabled and holding the role the session was issued with.</summary>
    public static async Task<bool> StillValidAsync(ClaimsPrincipal principal, UserList users, CancellationToken ct)
    {
        if (UserId(principal) is not { } id) return false;
        var user = await users.FindAsync(id, ct);
        return user is { Disabled: false } && user.Role == Role(principal);
    }
}
