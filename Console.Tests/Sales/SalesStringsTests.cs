using Console.Domain.Sales;
using Console.Tests.Support;

namespace Console.Tests.Sales;

/// <summary>Every key the sales components and their menu entry use exists, including those built at run time.</summary>
public sealed class SalesStringsTests
{
    [Fact]
    public void Every_key_the_sales_components_and_navigation_use_exists()
    {
        var en = ResourceFiles.Read("SalesStrings.resx");
        ResourceFiles.AssertAllExist(en, ResourceFiles.KeysUsed(ResourceFiles.AllComponents(), "Sales"), 20);
        // Keys built at run time.
        foreach (var preset in Enum.GetNames<PeriodPreset>()) Assert.Contains("Sales.Period." + preset, en.Keys);
        foreach (var kpi in new[] { "NetRevenue", "Orders", "PayingCustomers", "AverageOrderValue", "RefundRate", "LiveConversion" })
        {
            Assert.Contains("Sales.Kpi." + kpi, en.Keys);
            Assert.Contains("Sales.Kpi." + kpi + ".Help", en.Keys);
        }
        foreach (var step in new[] { "Viewers", "Engaged", "Buyers" }) Assert.Contains("Sales.Funnel." + step, en.Keys);
    }
}
