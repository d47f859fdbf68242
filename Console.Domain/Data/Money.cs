namespace Console.Domain.Data;

/// <summary>Money is whole fen inside the console; the API speaks decimals with at most two places.</summary>
public static class Money
{
    public static decimal ToDecimal(long fen) => fen / 100m;

    /// <summary>False when the amount has more than two decimal places or does not fit.</summary>
    public static bool TryToFen(decimal amount, out long fen)
    {
        fen = 0;
        var scaled = amount * 100m;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue) return false;
        fen = (long)scaled;
        return true;
    }
}
