using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

/// <summary>Changes a user's role; the console always keeps at least one enabled Admin.</summary>
public sealed class UserRoleChange(Db db, TimeProvider clock)
{
    public async Task<UserChangeResult> ChangeAsync(long userId, string? role, string actor, CancellationToken ct = default)
    {
        var newRole = Roles.Normalise(role);
        if (newRole is null) return UserChangeResult.Invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT role FROM console_users WHERE id = @userId", new { userId }, tx);
        if (current is null) return UserChangeResult.NotFound;
        if (current == newRole) return UserChangeResult.Unchanged;
        if (current == Roles.Admin && await AdminGuard.OtherEnabledAdminsAsync(connection, tx, userId) == 0)
            return UserChangeResult.LastAdmin;
        await connection.ExecuteAsync(
            "UPDATE console_users SET role = @newRole, updated_at = @now WHERE id = @userId", new { newRole, now, userId }, tx);
        await Audit.WriteAsync(connection, tx, actor, "user.role", "console_user", userId.ToString(),
            new { role = current }, new { role = newRole }, now);
        await tx.CommitAsync(ct);
        return UserChangeResult.Done;
    }
}
