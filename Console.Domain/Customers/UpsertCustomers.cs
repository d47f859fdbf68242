using Console.Domain.Consent;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Domain.Customers;

/// <summary>A customer as the platform sends it: every value as the text that arrived.</summary>
public sealed record CustomerIn(string? ExternalId, string? Email = null, string? Name = null, string? Phone = null,
    string? City = null, string? Source = null, string? EmailOptIn = null, string? CreatedAt = null);

/// <summary>
/// Upserts by externalId. A value left out keeps what is stored, so partial pushes never blank a field;
/// an upsert always turns a stub (made by an event) into a full customer. A batch is one write unit, and a change of
/// email consent is recorded in it (consent_changes) only for the rows whose stored value really changes. Email and phone
/// are sealed before the unit starts, with their look-up hashes (<see cref="PersonalData"/>).
/// </summary>
public sealed class UpsertCustomers(StatementRunner runner, PersonalData personal, TimeProvider clock)
{
    /// <summary>Source is where consent changes are credited: the API or a CSV import (<see cref="ConsentSources"/>).</summary>
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<CustomerIn> items, string source = ConsentSources.Api, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rejected = new List<Rejection>();
        var rows = new List<Row>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Refusal(items[i]) is { } refused) rejected.Add(refused with { Index = i });
            else rows.Add(await ToRowAsync(items[i], now, ct));
        }
        if (rows.Count > 0)
            await runner.WriteAsync(new WriteUnit<object>(async (s, t) =>
            {
                foreach (var row in rows) await WriteAsync(s, row, source, t);
                return rows;
            }, _ => true, _ => null, UndoFree: true), ct);
        return new UpsertResult(rows.Count, Rejection.InOrder(rejected));
    }

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<CustomerIn> items, CancellationToken ct) => UpsertAsync(items, ConsentSources.Api, ct);

    private sealed record Row(string ExternalId, string? Email, string? EmailHash, string? Name, string? Phone, string? PhoneHash,
        string? City, string? Source, bool? EmailOptIn, DateTime? CreatedAt, DateTime Now);

    private sealed record Stored
    {
        public long Id { get; init; }
        public bool EmailOptIn { get; init; }
    }

    private static async Task WriteAsync(Statements s, Row row, string source, CancellationToken ct)
    {
        // Only a row that names its consent can change it, so the others cost no look-up.
        var stored = s.Dialect == Dialect.Sqlite ? SqliteStored : SqlServerStored;
        var before = row.EmailOptIn is null ? null
            : await s.SingleOrDefaultAsync<Stored>(stored, ct, ("ExternalId", row.ExternalId)) ?? new Stored { Id = 0, EmailOptIn = false };
        await s.ExecuteAsync(s.Dialect == Dialect.Sqlite ? SqliteUpsert : SqlServerUpsert, ct,
            ("ExternalId", row.ExternalId), ("Email", row.Email), ("EmailHash", row.EmailHash), ("Name", row.Name),
            ("Phone", row.Phone), ("PhoneHash", row.PhoneHash), ("City", row.City),
            ("Source", row.Source), ("EmailOptIn", row.EmailOptIn), ("CreatedAt", row.CreatedAt), ("Now", row.Now));
        if (before is null || before.EmailOptIn == row.EmailOptIn) return;
        var id = before.Id != 0 ? before.Id : (await s.SingleOrDefaultAsync<Stored>(stored, ct, ("ExternalId", row.ExternalId)))!.Id;
        await ConsentChanges.RecordAsync(s, id, row.EmailOptIn!.Value, source, null, row.Now, ct);
    }

    private const string SqliteStored = "SELECT id AS Id, email_opt_in AS EmailOptIn FROM customers WHERE external_id = @ExternalId";

    // The row stays locked to the end of the unit, so two nodes changing one customer's consent record both changes in order.
    private const string SqlServerStored = """
        SELECT id AS Id, email_opt_in AS EmailOptIn FROM customers WITH (UPDLOCK, HOLDLOCK) WHERE external_id = @ExternalId
        """;

    private async ValueTask<Row> ToRowAsync(CustomerIn c, DateTime now, CancellationToken ct)
    {
        bool? optIn = IngestFields.TryParseBool(c.EmailOptIn, out var b) ? b : null;
        DateTime? created = IngestFields.TryParseTime(c.CreatedAt, out var t) ? t : null;
        var (email, phone) = (IngestFields.Clean(c.Email), IngestFields.Clean(c.Phone));
        return new Row(c.ExternalId!, personal.Seal(email), await personal.EmailHashAsync(email, ct), IngestFields.Clean(c.Name),
            personal.Seal(phone), await personal.PhoneHashAsync(phone, ct), IngestFields.Clean(c.City), IngestFields.Clean(c.Source),
            optIn, created, now);
    }

    private static Rejection? Refusal(CustomerIn c)
    {
        if (IngestFields.CheckId("externalId", c.ExternalId) is { } id) return id;
        var email = IngestFields.Clean(c.Email);
        if (email is not null && !IngestFields.IsEmail(email)) return Rejection.Invalid("email", "is not an email address");
        if (IngestFields.Clean(c.EmailOptIn) is not null && !IngestFields.TryParseBool(c.EmailOptIn, out _))
            return Rejection.Invalid("emailOptIn", "must be true or false");
        if (IngestFields.Clean(c.CreatedAt) is not null && !IngestFields.TryParseTime(c.CreatedAt, out _))
            return Rejection.Invalid("createdAt", "must be an ISO-8601 time with an offset");
        return IngestFields.TooLong("name", IngestFields.Clean(c.Name), 200)
            ?? IngestFields.TooLong("phone", IngestFields.Clean(c.Phone), 50)
            ?? IngestFields.TooLong("city", IngestFields.Clean(c.City), 100)
            ?? IngestFields.TooLong("source", IngestFields.Clean(c.Source), 100);
    }

    private const string SqliteUpsert = """
        INSERT INTO customers (external_id, email, email_hash, name, phone, phone_hash, city, source, email_opt_in, is_stub, created_at, updated_at)
        VALUES (@ExternalId, @Email, @EmailHash, @Name, @Phone, @PhoneHash, @City, @Source, COALESCE(@EmailOptIn, 0), 0, COALESCE(@CreatedAt, @Now), @Now)
        ON CONFLICT (external_id) DO UPDATE SET
            email = COALESCE(excluded.email, customers.email),
            email_hash = COALESCE(excluded.email_hash, customers.email_hash),
            name = COALESCE(excluded.name, customers.name),
            phone = COALESCE(excluded.phone, customers.phone),
            phone_hash = COALESCE(excluded.phone_hash, customers.phone_hash),
            city = COALESCE(excluded.city, customers.city),
            source = COALESCE(excluded.source, customers.source),
            email_opt_in = COALESCE(@EmailOptIn, customers.email_opt_in),
            is_stub = 0,
            created_at = COALESCE(@CreatedAt, customers.created_at),
            updated_at = excluded.updated_at
        """;

    // UPDLOCK + SERIALIZABLE hold the key range, so two nodes upserting one new customer cannot both insert it.
    private const string SqlServerUpsert = """
        UPDATE customers WITH (UPDLOCK, SERIALIZABLE)
        SET email = COALESCE(@Email, email), email_hash = COALESCE(@EmailHash, email_hash), name = COALESCE(@Name, name),
            phone = COALESCE(@Phone, phone), phone_hash = COALESCE(@PhoneHash, phone_hash),
            city = COALESCE(@City, city), source = COALESCE(@Source, source),
            email_opt_in = COALESCE(@EmailOptIn, email_opt_in), is_stub = 0,
            created_at = COALESCE(@CreatedAt, created_at), updated_at = @Now
        WHERE external_id = @ExternalId;
        IF @@ROWCOUNT = 0
            INSERT INTO customers (external_id, email, email_hash, name, phone, phone_hash, city, source, email_opt_in, is_stub, created_at, updated_at)
            VALUES (@ExternalId, @Email, @EmailHash, @Name, @Phone, @PhoneHash, @City, @Source, COALESCE(@EmailOptIn, 0), 0, COALESCE(@CreatedAt, @Now), @Now);
        """;
}
