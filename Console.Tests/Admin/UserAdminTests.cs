using Console.Domain.Admin;

namespace Console.Tests.Admin;

public sealed class UserAdminTests : IDisposable
{
    private readonly AdminFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Changing_a_role_is_stored_and_audited_with_before_and_after()
    {
        await _f.AddAsync("boss@x.io", Roles.Admin);
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);

        Assert.Equal(UserChangeResult.Done, await _f.Roles.ChangeAsync(id, "manager", "boss@x.io"));
        Assert.Equal(UserChangeResult.Unchanged, await _f.Roles.ChangeAsync(id, Roles.Manager, "boss@x.io"));
        Assert.Equal(UserChangeResult.Invalid, await _f.Roles.ChangeAsync(id, "Owner", "boss@x.io"));
        Assert.Equal(UserChangeResult.NotFound, await _f.Roles.ChangeAsync(999, Roles.Manager, "boss@x.io"));

        Assert.Equal(Roles.Manager, (await _f.List.FindAsync(id))!.Role);
        var entry = Assert.Single((await _f.Audit.QueryAsync(new AuditFilter(Entity: "console_user"), 0, 50)).Rows, e => e.Action == "user.role");
        Assert.Equal("boss@x.io", entry.Actor);
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.Equal("""{"role":"Marketer"}""", entry.BeforeJson);
        Assert.Equal("""{"role":"Manager"}""", entry.AfterJson);
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_demoted_nor_disabled()
    {
        var admin = await _f.AddAsync("a@x.io", Roles.Admin);
        Assert.Equal(UserChangeResult.LastAdmin, await _f.Roles.ChangeAsync(admin, Roles.Marketer, "a@x.io"));
        Assert.Equal(UserChangeResult.LastAdmin, await _f.Disable.SetDisabledAsync(admin, true, "a@x.io"));

        var second = await _f.AddAsync("b@x.io", Roles.Admin);
        Assert.Equal(UserChangeResult.Done, await _f.Disable.SetDisabledAsync(second, true, "a@x.io"));
        // A disabled second admin does not count: the first is still the last enabled one.
        Assert.Equal(UserChangeResult.LastAdmin, await _f.Roles.ChangeAsync(admin, Roles.Manager, "a@x.io"));
        Assert.Equal(Roles.Admin, (await _f.List.FindAsync(admin))!.Role);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        await _f.AddAsync("a@x.io", Roles.Admin);
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);

        Assert.Equal(UserChangeResult.Done, await _f.Disable.SetDisabledAsync(id, true, "a@x.io"));
        Assert.Equal(UserChangeResult.Unchanged, await _f.Disable.SetDisabledAsync(id, true, "a@x.io"));
        Assert.True((await _f.List.FindAsync(id))!.Disabled);
        Assert.Equal(SignInOutcome.Disabled, (await _f.SignIn.CheckAsync("m@x.io", "longpassword1")).Outcome);
        // A wrong password on a disabled account says nothing about the account.
        Assert.Equal(SignInOutcome.WrongCredentials, (await _f.SignIn.CheckAsync("m@x.io", "nope")).Outcome);

        Assert.Equal(UserChangeResult.Done, await _f.Disable.SetDisabledAsync(id, false, "a@x.io"));
        Assert.Equal(SignInOutcome.Success, (await _f.SignIn.CheckAsync("M@X.io", "longpassword1")).Outcome);

        var actions = (await _f.Audit.QueryAsync(new AuditFilter(Actor: "a@x.io"), 0, 50)).Rows.Select(r => r.Action).ToList();
        Assert.Equal(["user.enable", "user.disable"], actions);
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_one_lifts_the_lock_and_never_logs_the_hash()
    {
        await _f.AddAsync("a@x.io", Roles.Admin);
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);
        for (var i = 0; i < SignInCheck.MaxFailedAttempts; i++) await _f.SignIn.CheckAsync("m@x.io", "wrong-password");
        Assert.NotNull((await _f.LockStateAsync(id)).LockedUntil);

        Assert.Equal(UserChangeResult.Invalid, await _f.Reset.ResetAsync(id, "short", "a@x.io"));
        Assert.Equal(UserChangeResult.Done, await _f.Reset.ResetAsync(id, "brand-new-password", "a@x.io"));
        Assert.Equal(UserChangeResult.NotFound, await _f.Reset.ResetAsync(999, "brand-new-password", "a@x.io"));

        Assert.Equal((0, (DateTime?)null), await _f.LockStateAsync(id));
        Assert.Equal(SignInOutcome.WrongCredentials, (await _f.SignIn.CheckAsync("m@x.io", "longpassword1")).Outcome);
        Assert.Equal(SignInOutcome.Success, (await _f.SignIn.CheckAsync("m@x.io", "brand-new-password")).Outcome);
        var entry = Assert.Single((await _f.Audit.QueryAsync(new AuditFilter(Actor: "a@x.io"), 0, 50)).Rows);
        Assert.Equal("user.password_reset", entry.Action);
        Assert.DoesNotContain("AQAAAA", entry.AfterJson);
    }
}
