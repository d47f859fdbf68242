using Console.Tests.Support;

namespace Console.Tests.Support;

/// <summary>One seeded store per test class: the queries only read, so the tests share it.</summary>
public sealed class SampleShopStore : IAsyncLifetime
{
    public TempStore Store { get; } = new();

    public Task InitializeAsync() => SampleShop.SeedAsync(Store);

    public Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }
}
