using Console.Domain.Data.Demo;

namespace Console.Web.Hosting;

/// <summary>Bound from "Demo": a new user's first start on an empty store fills it with demo data.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool SeedOnEmpty { get; set; }
    public int Seed { get; set; } = DemoPlan.DefaultSeed;
    public int Customers { get; set; } = DemoPlan.DefaultCustomers;
    public int Days { get; set; } = DemoPlan.DefaultDays;

    /// <summary>Queues the first training of every model kind after seeding, so the models page and recommendations have a version.</summary>
    public bool TrainModels { get; set; } = true;
}
