using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

/// <summary>
/// Seals the email addresses and phone numbers a store held before sealing began, and gives them their look-up hashes.
/// Runs at start and with the migrate verb. Each batch is its own transaction and only picks rows still unsealed, so an
/// interrupted run loses nothing and the next one carries on where it stopped.
/// </summary>
public sealed class SealPersonalData(Db db, PersonalData personal)
{
    private const int Batch = 1_000;

    public sealed record Result(int Customers, int Recipients, int Kols);

    private sealed record Contact
    {
        public long Id { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
    }

    public async Task<Result> RunAsync(CancellationToken ct = default)
    {
        // A store with nothing left to seal never needs the hash key, so a node started on another key ring still starts.
        if (!await AnyUnsealedAsync(ct)) return new Result(0, 0, 0);
        var lookup = await personal.LookupAsync(ct);
        var customers = await SealAsync(CustomersSql, UpdateCustomerSql, c => new
        {
            c.Id, Email = Sealed(c.Email), EmailHash = lookup.Email(Opened(c.Email)), Phone = Sealed(c.Phone), PhoneHash = lookup.Phone(Opened(c.Phone)),
        }, ct);
        var recipients = await SealAsync(RecipientsSql, UpdateRecipientSql, r => new { r.Id, Email = Sealed(r.Email) }, ct);
        var kols = await SealAsync(KolsSql, UpdateKolSql, k => new { k.Id, Email = Sealed(k.Email), Phone = Sealed(k.Phone) }, ct);
        return new Result(customers, recipients, kols);
    }

    private async Task<bool> AnyUnsealedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        foreach (var sql in new[] { CustomersSql, RecipientsSql, KolsSql })
            if ((await connection.QueryAsync<Contact>(new CommandDefinition(sql.For(db.Dialect), new { take = 1 }, cancellationToken: ct))).Any())
                return true;
        return false;
    }

    private string? Sealed(string? stored) => PersonalData.IsSealed(stored) ? stored : personal.Seal(stored?.Trim());

    private string? Opened(string? stored) => personal.Open(stored);

    private async Task<int> SealAsync(DialectSql select, string update, Func<Contact, object> sealedRow, CancellationToken ct)
    {
        var total = 0;
        await using var connection = await db.OpenAsync(ct);
        while (true)
        {
            var rows = (await connection.QueryAsync<Contact>(new CommandDefinition(select.For(db.Dialect), new { take = Batch }, cancellationToken: ct))).ToList();
            if (rows.Count == 0) return total;
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(update, rows.Select(sealedRow).ToList(), tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            total += rows.Count;
        }
    }

    // Each pass picks only rows that still hold an unsealed value, so what is left shrinks until nothing is.
    private static readonly DialectSql CustomersSql = new(d => $"""
        SELECT id AS Id, email AS Email, phone AS Phone FROM customers
        WHERE (email IS NOT NULL AND email NOT LIKE 'pd1:%') OR (phone IS NOT NULL AND phone NOT LIKE 'pd1:%')
        ORDER BY id {PageFragment.For(d, "0", "@take")}
        """);

    private const string UpdateCustomerSql = """
        UPDATE customers SET email = @Email, email_hash = @EmailHash, phone = @Phone, phone_hash = @PhoneHash WHERE id = @Id
        """;

    private static readonly DialectSql RecipientsSql = new(d => $"""
        SELECT id AS Id, email AS Email FROM email_recipients WHERE email IS NOT NULL AND email NOT LIKE 'pd1:%'
        ORDER BY id {PageFragment.For(d, "0", "@take")}
        """);

    private const string UpdateRecipientSql = "UPDATE email_recipients SET email = @Email WHERE id = @Id";

    // A KOL's contact is a person's too; KOLs are looked up by id and code, so they need no hash.
    private static readonly DialectSql KolsSql = new(d => $"""
        SELECT id AS Id, email AS Email, phone AS Phone FROM kols
        WHERE (email IS NOT NULL AND email NOT LIKE 'pd1:%') OR (phone IS NOT NULL AND phone NOT LIKE 'pd1:%')
        ORDER BY id {PageFragment.For(d, "0", "@take")}
        """);

    private const string UpdateKolSql = "UPDATE kols SET email = @Email, phone = @Phone WHERE id = @Id";
}
