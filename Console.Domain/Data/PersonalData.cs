using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.DataProtection;

namespace Console.Domain.Data;

/// <summary>
/// Seals email addresses and phone numbers before they are stored, opens them where they are shown or sent, and gives
/// each a keyed hash for exact look-up. Sealing uses the Data Protection key ring (shared by every node); the hash key
/// is random, kept sealed in the store, so a copy of the database alone reveals neither addresses nor a way to test
/// guesses against the hashes.
/// </summary>
public sealed class PersonalData(IDataProtectionProvider protection, Db db, TimeProvider clock)
{
    /// <summary>Marks a sealed value, so rows written before sealing began can be found and sealed.</summary>
    public const string Prefix = "pd1:";

    private readonly IDataProtector _protector = protection.CreateProtector("Console.PersonalData.v1");
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private byte[]? _lookupKey;

    public string? Seal(string? plain) => string.IsNullOrEmpty(plain) ? null : Prefix + _protector.Protect(plain);

    /// <summary>The plain value; a value from before sealing passes through; one this key ring cannot open is null.</summary>
    public string? Open(string? stored)
    {
        if (string.IsNullOrEmpty(stored) || !IsSealed(stored)) return stored;
        try { return _protector.Unprotect(stored[Prefix.Length..]); }
        catch (CryptographicException) { return null; }
    }

    public static bool IsSealed(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>Case and surrounding spaces do not make a different address.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Only the digits count, so "+86 139-1234-5678" and "8613912345678" are one number.</summary>
    public static string NormalisePhone(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    public async ValueTask<string?> EmailHashAsync(string? email, CancellationToken ct = default) => (await LookupAsync(ct)).Email(email);

    public async ValueTask<string?> PhoneHashAsync(string? phone, CancellationToken ct = default) => (await LookupAsync(ct)).Phone(phone);

    /// <summary>The keyed hashes, for callers that hash many values without awaiting each.</summary>
    public async ValueTask<Lookup> LookupAsync(CancellationToken ct = default) => new(await LookupKeyAsync(ct));

    public sealed class Lookup(byte[] key)
    {
        public string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : Hash("email:" + NormaliseEmail(email));

        public string? Phone(string? phone) => string.IsNullOrWhiteSpace(phone) || NormalisePhone(phone) is not { Length: > 0 } digits ? null : Hash("phone:" + digits);

        private string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>Loaded once; the first node to need it creates it, and a node that loses that race reads the winner's.</summary>
    private async ValueTask<byte[]> LookupKeyAsync(CancellationToken ct)
    {
        if (_lookupKey is { } known) return known;
        await _keyGate.WaitAsync(ct);
        try
        {
            if (_lookupKey is { } loaded) return loaded;
            await using var connection = await db.OpenAsync(ct);
            var sealedKey = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(ReadKey, cancellationToken: ct));
            if (sealedKey is null)
            {
                var fresh = _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                await connection.ExecuteAsync(new CommandDefinition(db.Dialect == Dialect.Sqlite ? SqliteCreateKey : SqlServerCreateKey,
                    new { sealedKey = fresh, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
                sealedKey = await connection.QuerySingleAsync<string>(new CommandDefinition(ReadKey, cancellationToken: ct));
            }
            try { return _lookupKey = Convert.FromBase64String(_protector.Unprotect(sealedKey)); }
            catch (CryptographicException e)
            {
                throw new InvalidOperationException(
                    "This node's Data Protection key ring cannot open the store's look-up key: every node must share one key ring (DataProtection:KeysPath).", e);
            }
        }
        finally { _keyGate.Release(); }
    }

    private const string ReadKey = "SELECT sealed_key FROM personal_data_keys WHERE name = 'lookup'";
    private const string SqliteCreateKey = """
        INSERT INTO personal_data_keys (name, sealed_key, created_at) VALUES ('lookup', @sealedKey, @now) ON CONFLICT (name) DO NOTHING
        """;
    private const string SqlServerCreateKey = """
        INSERT INTO personal_data_keys (name, sealed_key, created_at)
        SELECT 'lookup', @sealedKey, @now WHERE NOT EXISTS (SELECT 1 FROM personal_data_keys WITH (UPDLOCK, HOLDLOCK) WHERE name = 'lookup')
        """;
}
