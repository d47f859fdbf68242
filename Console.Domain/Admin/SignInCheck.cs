using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

public enum SignInOutcome { Success, WrongCredentials, Locked, Disabled }

public sealed record SignInResult(SignInOutcome Outcome, ConsoleUser? User = null, DateTime? LockedUntil = null);

/// <summary>Checks a password with lockout: 5 wrong passwords in a row lock the account for 15 minutes.</summary>
public sealed class SignInCheck(Db db, TimeProvider clock)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // An unknown email costs as much as a known one, so timing does not reveal which addresses exist.
    private static readonly string DummyHash = ConsoleUsers.HashPassword(Guid.NewGuid().ToString("N"));

    private sealed class UserState
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string Role { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public bool Disabled { get; init; }
        public int FailedAttempts { get; init; }
        public DateTime? LockedUntil { get; init; }
    }

    public async Task<SignInResult> CheckAsync(string? email, string? password, CancellationToken ct = default)
    {
        email = email?.Trim() ?? "";
        password ??= "";
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserState>(new CommandDefinition(
            """
            SELECT id AS Id, email AS Email, role AS Role, password_hash AS PasswordHash, disabled AS Disabled,
                   failed_attempts AS FailedAttempts, locked_until AS LockedUntil
            FROM console_users WHERE LOWER(email) = LOWER(@email)
            """, new { email }, cancellationToken: ct));
        if (user is null)
        {
            ConsoleUsers.VerifyPassword(DummyHash, password);
            return new(SignInOutcome.WrongCredentials);
        }
        if (user.LockedUntil > now) return new(SignInOutcome.Locked, LockedUntil: user.LockedUntil);
        if (!ConsoleUsers.VerifyPassword(user.PasswordHash, password)) return await FailAsync(connection, user, now, ct);
        if (user.Disabled) return new(SignInOutcome.Disabled);
        if (user.FailedAttempts > 0 || user.LockedUntil is not null)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE console_users SET failed_attempts = 0, locked_until = NULL WHERE id = @id", new { id = user.Id }, cancellationToken: ct));
        return new(SignInOutcome.Success, new ConsoleUser(user.Id, user.Email, user.Role));
    }

    private async Task<SignInResult> FailAsync(System.Data.Common.DbConnection connection, UserState user, DateTime now, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        // A lock that has run out starts a fresh count.
        var attempts = await connection.ExecuteScalarAsync<int>(
            """
            UPDATE console_users
            SET failed_attempts = CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END, locked_until = NULL
            WHERE id = @id;
            SELECT failed_attempts FROM console_users WHERE id = @id;
            """, new { id = user.Id }, tx);
        if (attempts < MaxFailedAttempts)
        {
            await tx.CommitAsync(ct);
            return new(SignInOutcome.WrongCredentials);
        }
        var until = now + LockoutDuration;
        await connection.ExecuteAsync(
            "UPDATE console_users SET failed_attempts = 0, locked_until = @until, updated_at = @now WHERE id = @id",
            new { until, now, id = user.Id }, tx);
        await Audit.WriteAsync(connection, tx, "system", "user.locked", "console_user", user.Id.ToString(),
            new { locked = false }, new { locked = true, until, failedAttempts = attempts }, now);
        await tx.CommitAsync(ct);
        return new(SignInOutcome.Locked, LockedUntil: until);
    }
}
