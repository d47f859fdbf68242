using System.Globalization;

namespace Console.Domain.Data;

/// <summary>
/// The range every money field accepts: 0 to Business:MaxAmount with at most two decimals. Keeping single amounts this far
/// below long.MaxValue fen is what lets every sum of them (rollups, campaign results) be checked arithmetic that never trips.
/// The codes of every out-of-bounds refusal come from here; a bound checked first also keeps Money.TryToFen from overflowing decimal.
/// </summary>
public sealed class MoneyBounds
{
    /// <summary>The default bound, and also the highest a setting may raise it to: the overflow proof is made for this figure.</summary>
    public const decimal Ceiling = 100_000_000m;

    public static readonly MoneyBounds Default = new(Ceiling);

    public MoneyBounds(decimal maxAmount)
    {
        if (!IsValidMax(maxAmount)) throw new ArgumentOutOfRangeException(nameof(maxAmount), maxAmount, SettingRule);
        MaxAmount = maxAmount;
        MaxFen = (long)(maxAmount * 100m);
    }

    public decimal MaxAmount { get; }

    public long MaxFen { get; }

    public const string SettingRule = "Business:MaxAmount must be more than 0 and at most 100000000, with at most 2 decimals.";

    /// <summary>The rule as a batch rejection words it after the field's name.</summary>
    public string BatchRule => $"must be an amount from 0 to {Text(MaxAmount)} with at most 2 decimals";

    public static bool IsValidMax(decimal maxAmount) =>
        maxAmount > 0 && maxAmount <= Ceiling && maxAmount * 100m == decimal.Truncate(maxAmount * 100m);

    /// <summary>Whole fen when the amount is in bounds; otherwise false with the field error's code and arguments.</summary>
    public bool TryToFen(decimal amount, out long fen, out string? code, out object[] args)
    {
        fen = 0;
        code = null;
        args = [];
        if (amount < 0 || amount > MaxAmount) (code, args) = (FieldCodes.Between, ["0", Text(MaxAmount)]);
        else if (!Money.TryToFen(amount, out fen)) code = FieldCodes.TooManyDecimals;
        return code is null;
    }

    /// <summary>An amount as text (a JSON scalar or a CSV cell), held to the same bounds.</summary>
    public bool TryParse(string? text, out long fen)
    {
        fen = 0;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
                   CultureInfo.InvariantCulture, out var amount)
               && TryToFen(amount, out fen, out _, out _);
    }

    private static string Text(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
