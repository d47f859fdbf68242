using Console.Domain.Admin;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Console.Web.Auth;

/// <summary>An open circuit re-checks its user every minute, so disabling someone ends their live session too.</summary>
internal sealed class RevalidatingAuthState(ILoggerFactory loggerFactory, UserList users)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        state.User.Identity?.IsAuthenticated == true
            ? UserClaims.StillValidAsync(state.User, users, ct)
            : Task.FromResult(true);
}
