using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

/// <summary>Who the customer is, whether they accept email, and what they have bought (money in fen).</summary>
public sealed record CustomerDetails
{
    public long Id { get; init; }
    public string ExternalId { get; init; } = "";
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? City { get; init; }
    public string? Source { get; init; }
    public bool EmailOptIn { get; init; }
    public bool IsStub { get; init; }
    public DateTime FirstSeen { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Orders { get; init; }
    public long Gross { get; init; }
    public long Refunded { get; init; }
    public DateTime? FirstOrderAt { get; init; }
    public DateTime? LastOrderAt { get; init; }
    public long Events { get; init; }
    public DateTime? LastEventAt { get; init; }

    public long NetRevenue => Gross - Refunded;
}

/// <summary>One customer's profile and totals; every aggregate walks that customer's slice of an index.</summary>
public sealed class CustomerProfile(Db db, PersonalData personal)
{
    public async Task<CustomerDetails?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var details = await connection.QuerySingleOrDefaultAsync<CustomerDetails>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.external_id AS ExternalId, c.name AS Name, c.email AS Email, c.phone AS Phone,
                   c.city AS City, c.source AS Source, c.email_opt_in AS EmailOptIn, c.is_stub AS IsStub,
                   c.created_at AS FirstSeen, c.updated_at AS UpdatedAt,
                   (SELECT COUNT(1) FROM orders o WHERE o.customer_id = c.id) AS Orders,
                   (SELECT COALESCE(SUM(o.payable), 0) FROM orders o WHERE o.customer_id = c.id) AS Gross,
                   (SELECT COALESCE(SUM(o.refunded), 0) FROM orders o WHERE o.customer_id = c.id) AS Refunded,
                   (SELECT MIN(o.paid_at) FROM orders o WHERE o.customer_id = c.id) AS FirstOrderAt,
                   (SELECT MAX(o.paid_at) FROM orders o WHERE o.customer_id = c.id) AS LastOrderAt,
                   (SELECT COUNT(1) FROM events e WHERE e.customer_id = c.id) AS Events,
                   (SELECT MAX(e.occurred_at) FROM events e WHERE e.customer_id = c.id) AS LastEventAt
            FROM customers c WHERE c.id = @id
            """, new { id }, cancellationToken: ct));
        return details is null ? null : details with { Email = personal.Open(details.Email), Phone = personal.Open(details.Phone) };
    }
}
