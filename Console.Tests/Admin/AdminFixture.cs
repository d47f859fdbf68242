using Console.Domain.Admin;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Admin;

/// <summary>A migrated temp store with the admin services over it and a hand-moved clock.</summary>
public sealed class AdminFixture : IDisposable
{
    public AdminFixture()
    {
        Users = new ConsoleUsers(Store.Db, Clock);
        List = new UserList(Store.Db);
        Roles = new UserRoleChange(Store.Db, Clock);
        Disable = new UserDisable(Store.Db, Clock);
        Reset = new UserPasswordReset(Store.Db, Clock);
        SignIn = new SignInCheck(Store.Db, Clock);
        Audit = new AuditLog(Store.Db);
    }

    public TempStore Store { get; } = new();
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    public ConsoleUsers Users { get; }
    public UserList List { get; }
    public UserRoleChange Roles { get; }
    public UserDisable Disable { get; }
    public UserPasswordReset Reset { get; }
    public SignInCheck SignIn { get; }
    public AuditLog Audit { get; }

    public async Task<long> AddAsync(string email, string role, string password = "longpassword1")
    {
        var (user, errors) = await Users.AddAsync(email, role, password, "test");
        Assert.True(user is not null, string.Join("; ", errors));
        return user.Id;
    }

    public async Task<(int Failed, DateTime? LockedUntil)> LockStateAsync(long id)
    {
        await using var connection = await Store.Db.OpenAsync();
        return await connection.QuerySingleAsync<(int, DateTime?)>(
            "SELECT failed_attempts, locked_until FROM console_users WHERE id = @id", new { id });
    }

    public void Dispose() => Store.Dispose();
}
