using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

/// <summary>Settable properties rather than a positional record: SQLite hands flags back as integers, which only property mapping converts.</summary>
public sealed class UserListItem
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public bool Disabled { get; init; }
    public DateTime? LockedUntil { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>The console's users for the admin page, and one user's current state for cookie re-validation.</summary>
public sealed class UserList(Db db)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<UserListItem>(
            new CommandDefinition("""
            SELECT id AS Id, email AS Email, role AS Role, disabled AS Disabled, locked_until AS LockedUntil, created_at AS CreatedAt
            FROM console_users ORDER BY email
            """, cancellationToken: ct));
        return rows.ToList();
    }

    public async Task<UserListItem?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserListItem>(
            new CommandDefinition("""
            SELECT id AS Id, email AS Email, role AS Role, disabled AS Disabled, locked_until AS LockedUntil, created_at AS CreatedAt
            FROM console_users WHERE id = @id
            """, new { id }, cancellationToken: ct));
    }
}
