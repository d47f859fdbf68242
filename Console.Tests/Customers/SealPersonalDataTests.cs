using Console.Domain.Customers;
using Console.Domain.Data;
using Dapper;
using Microsoft.AspNetCore.DataProtection;

namespace Console.Tests.Customers;

/// <summary>Email and phone at rest: sealed, found whole by their keyed hash, and sealed for a store written before.</summary>
public sealed class SealPersonalDataTests : IDisposable
{
    private readonly TempStore _store = new();
    private static readonly DateTime Then = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private void Legacy(int count)
    {
        using var connection = _store.Db.Open();
        using var tx = connection.BeginTransaction();
        for (var i = 1; i <= count; i++)
            connection.Execute("""
                INSERT INTO customers (external_id, email, name, phone, created_at, updated_at) VALUES (@id, @email, @name, @phone, @at, @at)
                """, new { id = $"old-{i}", email = i % 7 == 0 ? null : $"Person.{i}@Example.com ", name = $"Person {i}", phone = $"139{i:D8}", at = Then }, tx);
        tx.Commit();
    }

    private List<(string Id, string? Email, string? EmailHash, string? Phone)> Rows()
    {
        using var connection = _store.Db.Open();
        return connection.Query<(string, string?, string?, string?)>("SELECT external_id, email, email_hash, phone FROM customers ORDER BY id").ToList();
    }

    [Fact]
    public async Task A_store_from_before_sealing_is_sealed_when_the_console_starts_and_its_addresses_are_found_whole()
    {
        Legacy(30);
        using (var app = new ConsoleApp(new() { ["Database:Path"] = _store.Path }))
        {
            _ = app.Services;
            var rows = Rows();
            Assert.All(rows, r => Assert.True(r.Email is null || PersonalData.IsSealed(r.Email), r.Email));
            Assert.All(rows, r => Assert.True(PersonalData.IsSealed(r.Phone), r.Phone));
            Assert.All(rows, r => Assert.Equal(r.Email is null, r.EmailHash is null));
            Assert.DoesNotContain(rows, r => r.Email?.Contains("example", StringComparison.OrdinalIgnoreCase) == true);

            var found = await app.Service<CustomerList>().QueryAsync(new CustomerQuery("person.12@EXAMPLE.com"), 0, 10);
            Assert.Equal(("old-12", "Person.12@Example.com"), (Assert.Single(found.Rows).ExternalId, found.Rows[0].Email));
            var profile = await app.Service<CustomerProfile>().GetAsync(12);
            Assert.Equal(("Person.12@Example.com", "13900000012"), (profile!.Email, profile.Phone));
        }
        Assert.Equal(new SealPersonalData.Result(0, 0, 0), await new SealPersonalData(_store.Db, _store.PersonalData).RunAsync());
    }

    [Fact]
    public async Task Sealing_stopped_half_way_carries_on_from_where_it_stopped_and_seals_nothing_twice()
    {
        Legacy(2_500);
        var personal = _store.PersonalData;
        using (var connection = _store.Db.Open())
            foreach (var (id, email) in connection.Query<(long, string?)>("SELECT id, email FROM customers WHERE id <= 1200"))
                connection.Execute("UPDATE customers SET email = @email WHERE id = @id", new { id, email = personal.Seal(email?.Trim()) });
        var halfSealed = Rows().Take(1200).Select(r => r.Email).ToList();

        var result = await new SealPersonalData(_store.Db, personal).RunAsync();

        Assert.Equal(2_500, result.Customers);
        var rows = Rows();
        Assert.Equal(halfSealed, rows.Take(1200).Select(r => r.Email));
        Assert.All(rows, r => Assert.Equal(r.Email is null ? null : $"Person.{r.Id[4..]}@Example.com", personal.Open(r.Email)));
        Assert.Equal(new SealPersonalData.Result(0, 0, 0), await new SealPersonalData(_store.Db, personal).RunAsync());
    }

    [Fact]
    public async Task One_address_in_any_case_or_spacing_has_one_hash_and_a_node_with_another_key_ring_is_told_why_it_cannot_read()
    {
        var personal = _store.PersonalData;
        Assert.Equal(await personal.EmailHashAsync("li.lei@example.cn"), await personal.EmailHashAsync("  LI.Lei@Example.CN "));
        Assert.NotEqual(await personal.EmailHashAsync("li.lei@example.cn"), await personal.EmailHashAsync("li.lei@example.com"));
        Assert.Equal(await personal.PhoneHashAsync("139-1234-5678"), await personal.PhoneHashAsync("139 1234 5678"));
        var sealedOnce = personal.Seal("li.lei@example.cn");
        Assert.NotEqual(sealedOnce, personal.Seal("li.lei@example.cn"));

        var elsewhere = new PersonalData(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_store.Directory, "other-keys")),
            b => b.SetApplicationName("CampaignConsole")), _store.Db, TimeProvider.System);
        Assert.Null(elsewhere.Open(sealedOnce));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await elsewhere.EmailHashAsync("li.lei@example.cn"));
        Assert.Contains("DataProtection:KeysPath", refused.Message);
    }

    public void Dispose() => _store.Dispose();
}
