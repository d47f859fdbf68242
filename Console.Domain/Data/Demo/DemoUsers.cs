using Console.Domain.Admin;

namespace Console.Domain.Data.Demo;

/// <summary>One console user per role for trying the demo; only a Development host may create them.</summary>
public static class DemoUsers
{
    public const string Password = "demo-pass-2026";

    public static readonly (string Email, string Role)[] Accounts =
    [
        ("admin@demo.local", Roles.Admin),
        ("manager@demo.local", Roles.Manager),
        ("marketer@demo.local", Roles.Marketer),
    ];

    /// <summary>Adds the accounts that do not exist yet; returns the emails it added.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(ConsoleUsers users, CancellationToken ct = default)
    {
        var added = new List<string>();
        foreach (var (email, role) in Accounts)
        {
            // AddAsync refuses an existing email, which is exactly the skip wanted here.
            var (user, _) = await users.AddAsync(email, role, Password, "demo-seed", ct);
            if (user is not null) added.Add(user.Email);
        }
        return added;
    }
}
