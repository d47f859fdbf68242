using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

public enum SignInOutcome { Success, WrongCredentials, Locked, Disabled }

public sealed record SignInResult(SignInOutcome Outcome, ConsoleUser? User = null, DateTime? LockedUntil = null);

/// <summary>
/// Checks a password with lockout: 5 wrong passwords in a row lock the account for 15 minutes. Counting and locking are
/// one conditional update, so wrong passwords sent at once lock the account after the fifth however they interleave, and
/// a right password checked while they ran is refused once the lock is in place.
/// </summary>
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
        public DateTime? LockedUntil { get; init; }
    }

    /// <summary>The lockout columns; after a counted failure, the lock is set only by the update that reached the limit.</summary>
    private sealed record LockState(int FailedAttempts, DateTime? LockedUntil)
    {
        public LockState() : this(0, null) { }
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
                   locked_until AS LockedUntil
            FROM console_users WHERE LOWER(email) = LOWER(@email)
            """, new { email }, cancellationToken: ct));
        if (user is null)
        {
            ConsoleUsers.VerifyPassword(DummyHash, password);
            return new(SignInOutcome.WrongCredentials);
        }
        if (user.LockedUntil > now) return new(SignInOutcome.Locked, LockedUntil: user.LockedUntil);
        if (!ConsoleUsers.VerifyPassword(user.PasswordHash, password)) return await FailAsync(connection, user.Id, now, ct);
        if (user.Disabled) return new(SignInOutcome.Disabled);
        // Read again after the slow hash check: a wrong password counted meanwhile may have locked the account.
        var state = await connection.QuerySingleAsync<LockState>(new CommandDefinition(
            "SELECT failed_attempts AS FailedAttempts, locked_until AS LockedUntil FROM console_users WHERE id = @id",
            new { id = user.Id }, cancellationToken: ct));
        if (state.LockedUntil > now) return new(SignInOutcome.Locked, LockedUntil: state.LockedUntil);
        // Most sign-ins have nothing to clear and write nothing; a clear never lifts a lock set since that read.
        if (state.FailedAttempts > 0 || state.LockedUntil is not null)
        {
            var cleared = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE console_users SET failed_attempts = 0, locked_until = NULL
                WHERE id = @id AND (locked_until IS NULL OR locked_until <= @now)
                """, new { id = user.Id, now }, cancellationToken: ct));
            if (cleared == 0) return await LockedAsync(connection, user.Id, ct);
        }
        return new(SignInOutcome.Success, new ConsoleUser(user.Id, user.Email, user.Role));
    }

    private async Task<SignInResult> FailAsync(DbConnection connection, long id, DateTime now, CancellationToken ct)
    {
        var until = now + LockoutDuration;
        await using var tx = await connection.BeginTransactionAsync(ct);
        var counted = await connection.QuerySingleOrDefaultAsync<LockState>(new CommandDefinition(
            db.IsSqlite ? CountSqlite : CountSqlServer, new { id, now, until, max = MaxFailedAttempts }, tx, cancellationToken: ct));
        if (counted is null)
        {
            await tx.CommitAsync(ct);
            return await LockedAsync(connection, id, ct);
        }
        if (counted.LockedUntil is null)
        {
            await tx.CommitAsync(ct);
            return new(SignInOutcome.WrongCredentials);
        }
        await Audit.WriteAsync(connection, tx, "system", "user.locked", "console_user", id.ToString(),
            new { locked = false }, new { locked = true, until, failedAttempts = MaxFailedAttempts }, now);
        await tx.CommitAsync(ct);
        return new(SignInOutcome.Locked, LockedUntil: until);
    }

    private static async Task<SignInResult> LockedAsync(DbConnection connection, long id, CancellationToken ct) =>
        new(SignInOutcome.Locked, LockedUntil: await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT locked_until FROM console_users WHERE id = @id", new { id }, cancellationToken: ct)));

    // A locked row is left alone (no row comes back); a lock that has run out starts a fresh count; the failure that reaches
    // the limit sets the lock and clears the count. Every SET reads the row as it was before this statement.
    private const string CountSqlite = """
        UPDATE console_users
        SET failed_attempts = CASE WHEN locked_until IS NOT NULL THEN 1 WHEN failed_attempts + 1 >= @max THEN 0 ELSE failed_attempts + 1 END,
            locked_until = CASE WHEN locked_until IS NULL AND failed_attempts + 1 >= @max THEN @until END,
            updated_at = CASE WHEN locked_until IS NULL AND failed_attempts + 1 >= @max THEN @now ELSE updated_at END
        WHERE id = @id AND (locked_until IS NULL OR locked_until <= @now)
        RETURNING failed_attempts AS FailedAttempts, locked_until AS LockedUntil
        """;

    private const string CountSqlServer = """
        UPDATE console_users
        SET failed_attempts = CASE WHEN locked_until IS NOT NULL THEN 1 WHEN failed_attempts + 1 >= @max THEN 0 ELSE failed_attempts + 1 END,
            locked_until = CASE WHEN locked_until IS NULL AND failed_attempts + 1 >= @max THEN @until END,
            updated_at = CASE WHEN locked_until IS NULL AND failed_attempts + 1 >= @max THEN @now ELSE updated_at END
        OUTPUT INSERTED.failed_attempts AS FailedAttempts, INSERTED.locked_until AS LockedUntil
        WHERE id = @id AND (locked_until IS NULL OR locked_until <= @now)
        """;
}
