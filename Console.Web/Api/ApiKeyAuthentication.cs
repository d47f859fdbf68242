using System.Security.Claims;
using System.Text.Encodings.Web;
using Console.Domain.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Console.Web.Api;

/// <summary>X-Api-Key header → identity with a scope claim. Never redirects: API callers get 401/403 problems.</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeys keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "scope";
    public const string IngestPolicy = "api-ingest";
    public const string ManagePolicy = "api-manage";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var key = await keys.FindAsync(values.ToString(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or disabled API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new Claim(ClaimTypes.Name, "apikey:" + key.Name),
            new Claim(ScopeClaim, ApiKeys.ScopeName(key.Scope)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid, enabled key in the {Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Key outside its scope",
            "This endpoint needs a key with the 'manage' scope.");
}
