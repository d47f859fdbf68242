using System.Globalization;
using System.Text.RegularExpressions;

namespace Console.Tests.E2E;

/// <summary>Reads money as the pages show it ("¥1,299.00") back into a number.</summary>
public static partial class ShownMoney
{
    /// <summary>The first amount in a text: "¥39,120.00 ▲ 4.2%" gives 39120.00; null when there is none.</summary>
    public static decimal? First(string text)
    {
        var match = Amount().Match(text);
        return match.Success ? decimal.Parse(match.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"¥\s?(-?[\d,]+(?:\.\d+)?)")]
    private static partial Regex Amount();
}

public sealed class ShownMoneyTests
{
    [Fact]
    public void The_first_amount_of_a_card_is_read()
    {
        Assert.Equal(39120.00m, ShownMoney.First("Net revenue\n¥39,120.00\n▲ 4.2% vs ¥37,540.10"));
        Assert.Equal(1299m, ShownMoney.First("¥1,299"));
        Assert.Equal(-5.5m, ShownMoney.First("¥-5.50"));
        Assert.Null(ShownMoney.First("—"));
    }
}
