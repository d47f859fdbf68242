using Console.Domain.Orders;

namespace Console.Web.Cli.Import;

internal static class ImportKinds
{
    /// <summary>Every importable kind, in the order of API.md "CLI".</summary>
    public static IEnumerable<ICsvImporter> All(IServiceProvider services) =>
    [
        new OrdersCsv(services.GetRequiredService<CreateOrder>()),
    ];
}
