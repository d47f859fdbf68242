using System.Numerics;

namespace Console.Domain.Sales;

/// <summary>Bit i (byte i / 8, bit i % 8) set = customer id i paid that day; a range's payers are the OR of its days.</summary>
public static class CustomerBitmap
{
    public static byte[] With(byte[]? bitmap, IEnumerable<long> customerIds)
    {
        var ids = customerIds as IReadOnlyCollection<long> ?? customerIds.ToList();
        var length = Math.Max(bitmap?.Length ?? 0, ids.Count == 0 ? 0 : (int)(ids.Max() / 8) + 1);
        var result = new byte[length];
        bitmap?.CopyTo(result, 0);
        foreach (var id in ids)
        {
            if (id < 0) throw new ArgumentOutOfRangeException(nameof(customerIds), "Customer ids are never negative.");
            result[id / 8] |= (byte)(1 << (int)(id % 8));
        }
        return result;
    }

    /// <summary>ORs <paramref name="bitmap"/> into <paramref name="into"/>, growing it when the other is longer.</summary>
    public static void OrInto(ref byte[] into, byte[] bitmap)
    {
        if (bitmap.Length > into.Length) Array.Resize(ref into, bitmap.Length);
        for (var i = 0; i < bitmap.Length; i++) into[i] |= bitmap[i];
    }

    public static long Count(ReadOnlySpan<byte> bitmap)
    {
        long count = 0;
        foreach (var b in bitmap) count += BitOperations.PopCount(b);
        return count;
    }
}
