using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

/// <summary>An admin sets a new password for a user; the lockout is lifted with it.</summary>
public sealed class UserPasswordReset(Db db, TimeProvider clock)
{
    public async Task<UserChangeResult> ResetAsync(long userId, string? newPassword, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(newPassword) || newPassword.Length < ConsoleUsers.MinPasswordLength) return UserChangeResult.Invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE console_users SET password_hash = @hash, failed_attempts = 0, locked_until = NULL, updated_at = @now
            WHERE id = @userId
            """,
            new { hash = ConsoleUsers.HashPassword(newPassword), now, userId }, tx);
        if (changed == 0) return UserChangeResult.NotFound;
        // The hash never goes into the log: only the fact that it changed.
        await Audit.WriteAsync(connection, tx, actor, "user.password_reset", "console_user", userId.ToString(),
            null, new { passwordReset = true }, now);
        await tx.CommitAsync(ct);
        return UserChangeResult.Done;
    }
}
