using Console.Domain.Data;
using Console.Domain.Orders;
using Console.Tests.Admin;
using Console.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Support;

/// <summary>The real domain services over a temp SQLite file with a clock the test moves; two courses, customers on demand.</summary>
public sealed class PromoStore : IDisposable
{
    public const string Art = "c-art";    // 199.00, category art
    public const string Code = "c-code";  // 300.00, category code
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public PromoStore()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Store.Db);
        services.AddSingleton(new BusinessTime(new BusinessOptions()));
        services.AddSingleton(MoneyBounds.Default);
        Console.Web.Hosting.DomainRegistrations.Add(services);
        // The store's own key ring, instead of one configured through a host this store has not got.
        services.AddSingleton(Store.PersonalData);
        _services = services.BuildServiceProvider();
        using var connection = Store.Db.Open();
        connection.Execute(
            """
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Art, 'Painting', 'art', 19900, @now, @now);
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Code, 'C#', 'code', 30000, @now, @now);
            """, new { Art, Code, now = Start.UtcDateTime });
    }

    public TempStore Store { get; } = new();
    public ManualClock Clock { get; } = new(Start);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Customers(params string[] ids)
    {
        using var connection = Store.Db.Open();
        foreach (var id in ids)
            connection.Execute("""
                INSERT INTO customers (external_id, name, created_at, updated_at) VALUES (@id, @id, @now, @now)
                """, new { id, now = Start.UtcDateTime });
    }

    /// <summary>Places an order at the clock's time (or the given one) and insists it is stored.</summary>
    public async Task<Order> OrderAsync(string orderId, string customer, string course, string? code = null,
        GroupBuyRequest? groupBuy = null, DateTimeOffset? paidAt = null)
    {
        var outcome = await Get<CreateOrder>().ExecuteAsync(new CreateOrder.Command(orderId, customer, course,
            code is null ? null : [code], GroupBuy: groupBuy, PaidAt: paidAt?.ToString("o")));
        var created = Assert.IsType<CreateOrder.Outcome.Created>(outcome);
        return created.Order;
    }

    public void Dispose()
    {
        _services.Dispose();
        Store.Dispose();
    }
}
