using Console.Domain.Admin;

namespace Console.Tests.Admin;

public sealed class SignInCheckTests : IDisposable
{
    private readonly AdminFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_successful_sign_in_resets_the_failed_attempt_count()
    {
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);
        for (var i = 0; i < SignInCheck.MaxFailedAttempts - 1; i++)
            Assert.Equal(SignInOutcome.WrongCredentials, (await _f.SignIn.CheckAsync("m@x.io", "wrong-password")).Outcome);
        Assert.Equal(SignInCheck.MaxFailedAttempts - 1, (await _f.LockStateAsync(id)).Failed);

        var ok = await _f.SignIn.CheckAsync(" m@x.io ", "longpassword1");
        Assert.Equal(SignInOutcome.Success, ok.Outcome);
        Assert.Equal(new ConsoleUser(id, "m@x.io", Roles.Marketer), ok.User);
        Assert.Equal((0, (DateTime?)null), await _f.LockStateAsync(id));

        // The count started again: four more wrong passwords still do not lock.
        for (var i = 0; i < SignInCheck.MaxFailedAttempts - 1; i++) await _f.SignIn.CheckAsync("m@x.io", "wrong-password");
        Assert.Null((await _f.LockStateAsync(id)).LockedUntil);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_for_fifteen_minutes_even_against_the_right_one()
    {
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);
        SignInResult last = new(SignInOutcome.WrongCredentials);
        for (var i = 0; i < SignInCheck.MaxFailedAttempts; i++) last = await _f.SignIn.CheckAsync("m@x.io", "wrong-password");

        var until = _f.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(15);
        Assert.Equal(SignInOutcome.Locked, last.Outcome);
        Assert.Equal(until, last.LockedUntil);

        _f.Clock.Advance(TimeSpan.FromMinutes(14));
        var refused = await _f.SignIn.CheckAsync("m@x.io", "longpassword1");
        Assert.Equal(SignInOutcome.Locked, refused.Outcome);
        Assert.Equal(until, refused.LockedUntil);

        _f.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SignInOutcome.Success, (await _f.SignIn.CheckAsync("m@x.io", "longpassword1")).Outcome);
        Assert.Equal((0, (DateTime?)null), await _f.LockStateAsync(id));

        var locked = Assert.Single((await _f.Audit.QueryAsync(new AuditFilter(Entity: "console_user"), 0, 50)).Rows, r => r.Action == "user.locked");
        Assert.Equal(id.ToString(), locked.EntityId);
    }

    [Fact]
    public async Task Twenty_wrong_passwords_at_once_lock_after_the_fifth_and_the_right_one_is_then_refused()
    {
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await _f.SignIn.CheckAsync("m@x.io", "wrong-password");
        })).ToList();
        start.Set();
        var outcomes = (await Task.WhenAll(attempts)).Select(r => r.Outcome).ToList();

        // However the twenty interleave, four are counted as wrong, the fifth locks, the rest meet the lock.
        Assert.Equal(SignInCheck.MaxFailedAttempts - 1, outcomes.Count(o => o == SignInOutcome.WrongCredentials));
        Assert.Equal(20 - (SignInCheck.MaxFailedAttempts - 1), outcomes.Count(o => o == SignInOutcome.Locked));
        var until = _f.Clock.GetUtcNow().UtcDateTime + SignInCheck.LockoutDuration;
        Assert.Equal((0, (DateTime?)until), await _f.LockStateAsync(id));
        Assert.Single((await _f.Audit.QueryAsync(new AuditFilter(Entity: "console_user"), 0, 50)).Rows, r => r.Action == "user.locked");

        var refused = await _f.SignIn.CheckAsync("m@x.io", "longpassword1");
        Assert.Equal(SignInOutcome.Locked, refused.Outcome);
        Assert.Equal(until, refused.LockedUntil);
        Assert.Null(refused.User);
    }

    [Fact]
    public async Task A_right_password_racing_twenty_wrong_ones_does_not_clear_their_lock()
    {
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 21).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await _f.SignIn.CheckAsync("m@x.io", i == 10 ? "longpassword1" : "wrong-password");
        })).ToList();
        start.Set();
        await Task.WhenAll(attempts);

        // One reset can split the twenty at most once, so at least sixteen are counted after it and the account ends locked.
        Assert.NotNull((await _f.LockStateAsync(id)).LockedUntil);
        Assert.Equal(SignInOutcome.Locked, (await _f.SignIn.CheckAsync("m@x.io", "longpassword1")).Outcome);
    }

    [Fact]
    public async Task After_a_lock_runs_out_one_wrong_password_does_not_lock_again()
    {
        var id = await _f.AddAsync("m@x.io", Roles.Marketer);
        for (var i = 0; i < SignInCheck.MaxFailedAttempts; i++) await _f.SignIn.CheckAsync("m@x.io", "wrong-password");
        _f.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(SignInOutcome.WrongCredentials, (await _f.SignIn.CheckAsync("m@x.io", "wrong-password")).Outcome);
        Assert.Equal((1, (DateTime?)null), await _f.LockStateAsync(id));
    }

    [Fact]
    public async Task Unknown_and_empty_credentials_are_wrong_credentials()
    {
        await _f.AddAsync("m@x.io", Roles.Marketer);
        Assert.Equal(SignInOutcome.WrongCredentials, (await _f.SignIn.CheckAsync("nobody@x.io", "longpassword1")).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await _f.SignIn.CheckAsync(null, null)).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await _f.SignIn.CheckAsync("m@x.io", "")).Outcome);
    }
}
