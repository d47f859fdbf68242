using Console.Domain.Data;

namespace Console.Domain.Orders;

/// <summary>One order by the platform's orderId, with its discounts; null when unknown.</summary>
public sealed class GetOrder(Db db)
{
    public async Task<Order?> FindAsync(string orderId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(orderId) || orderId.Length > OrderFields.MaxIdLength) return null;
        await using var connection = await db.OpenAsync(ct);
        return await OrderStore.FindOrderAsync(connection, null, orderId, ct);
    }
}
