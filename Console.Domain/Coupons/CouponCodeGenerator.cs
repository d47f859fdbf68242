using System.Security.Cryptography;

namespace Console.Domain.Coupons;

/// <summary>Codes people read aloud and type from a screen: no 0/O, 1/I/L to confuse.</summary>
public static class CouponCodeGenerator
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 10;

    public static IReadOnlyList<string> Generate(int count)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < count) codes.Add(new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length)));
        return codes.ToList();
    }
}
