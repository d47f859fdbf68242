using Console.Domain.Data;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Console.Domain.Admin;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Marketer = "Marketer";
    public static readonly string[] All = [Admin, Manager, Marketer];

    public static string? Normalise(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed record ConsoleUser(long Id, string Email, string Role);

/// <summary>The input rules the CLI and the console's forms share.</summary>
public static class UserInput
{
    public static bool IsPlausibleEmail(string? email)
    {
        email = email?.Trim();
        return !string.IsNullOrEmpty(email) && email.Length <= 320 && email.Contains('@') && !email.StartsWith('@') && !email.EndsWith('@')
            && !email.Any(char.IsWhiteSpace);
    }
}

/// <summary>Adds console users; passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class ConsoleUsers(Db db, TimeProvider clock)
{
    public const int MinPasswordLength = 10;
    private static readonly PasswordHasher<string> Hasher = new();

    public static string HashPassword(string password) => Hasher.HashPassword(string.Empty, password);

    public static bool VerifyPassword(string hash, string password) =>
        Hasher.VerifyHashedPassword(string.Empty, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Validates and inserts; returns the problems instead when the input is not acceptable.</summary>
    public async Task<(ConsoleUser? User, IReadOnlyList<string> Errors)> AddAsync(string? email, string? role, string? password,
        string actor, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var normalisedRole = Roles.Normalise(role);
        email = email?.Trim();
        if (!UserInput.IsPlausibleEmail(email))
            errors.Add("--email: give an address such as name@example.com.");
        if (normalisedRole is null) errors.Add("--role: must be Admin, Manager or Marketer.");
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            errors.Add($"--password: must be at least {MinPasswordLength} characters.");
        if (errors.Count > 0) return (null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var exists = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM console_users WHERE LOWER(email) = LOWER(@email)", new { email }, tx);
        if (exists > 0) return (null, [$"--email: a user with {email} already exists."]);
        var id = await connection.ExecuteScalarAsync<long>(db.IsSqlite
            ? """
              INSERT INTO console_users (email, role, password_hash, created_at, updated_at) VALUES (@email, @role, @hash, @now, @now);
              SELECT last_insert_rowid();
              """
            : """
              INSERT INTO console_users (email, role, password_hash, created_at, updated_at) OUTPUT INSERTED.id VALUES (@email, @role, @hash, @now, @now);
              """,
            new { email, role = normalisedRole, hash = HashPassword(password!), now }, tx);
        await Audit.WriteAsync(connection, tx, actor, "user.add", "console_user", id.ToString(), null, new { email, role = normalisedRole }, now);
        await tx.CommitAsync(ct);
        return (new ConsoleUser(id, email!, normalisedRole!), []);
    }
}
