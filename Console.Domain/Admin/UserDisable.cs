using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

/// <summary>Disables or re-enables a user; a disabled user cannot sign in and loses any open session on its next request.</summary>
public sealed class UserDisable(Db db, TimeProvider clock)
{
    public async Task<UserChangeResult> SetDisabledAsync(long userId, bool disabled, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<UserFlags>(
            "SELECT role AS Role, disabled AS Disabled FROM console_users WHERE id = @userId", new { userId }, tx);
        if (current is null) return UserChangeResult.NotFound;
        if (current.Disabled == disabled) return UserChangeResult.Unchanged;
        if (disabled && current.Role == Roles.Admin && await AdminGuard.OtherEnabledAdminsAsync(connection, tx, userId) == 0)
            return UserChangeResult.LastAdmin;
        // Re-enabling also clears a lockout, so the admin's decision is the one that counts.
        await connection.ExecuteAsync(
            """
            UPDATE console_users SET disabled = @flag, failed_attempts = 0, locked_until = NULL, updated_at = @now
            WHERE id = @userId
            """,
            new { flag = disabled ? 1 : 0, now, userId }, tx);
        await Audit.WriteAsync(connection, tx, actor, disabled ? "user.disable" : "user.enable", "console_user", userId.ToString(),
            new { disabled = current.Disabled }, new { disabled }, now);
        await tx.CommitAsync(ct);
        return UserChangeResult.Done;
    }

    private sealed class UserFlags
    {
        public string Role { get; init; } = "";
        public bool Disabled { get; init; }
    }
}
