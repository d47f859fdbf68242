using Console.Domain.Sales;

namespace Console.Tests.Sales;

internal static class RollupAssert
{
    /// <summary>Equal row for row, bitmaps compared by content.</summary>
    public static void Equal(DailyRollups expected, DailyRollups actual)
    {
        Assert.Equal(expected.Sales, actual.Sales);
        Assert.Equal(expected.CourseSales, actual.CourseSales);
        Assert.Equal(expected.ChannelSales, actual.ChannelSales);
        Assert.Equal(expected.Customers.Select(Text), actual.Customers.Select(Text));
    }

    private static string Text(DailyCustomersRow row) => $"{row.Day:yyyy-MM-dd} {Convert.ToHexString(row.Bitmap)}";
}
