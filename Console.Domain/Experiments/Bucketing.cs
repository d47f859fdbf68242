using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Console.Domain.Experiments;

/// <summary>
/// Deterministic assignment as API.md defines it: a bucket is the first 4 bytes of SHA-256 over UTF-8 text, read as a
/// big-endian unsigned integer and divided by 2^32. "{key}:{customer}" decides whether the customer is in the test (bucket
/// below coverage); "{key}:variant:{customer}" picks the variant against the cumulative weights, so coverage can change
/// without moving anyone between variants.
/// </summary>
public static class Bucketing
{
    public readonly record struct Pick(bool InExperiment, int VariantIndex);

    public static double Bucket(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var bytes = max <= 512 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..length], hash);
            return BinaryPrimitives.ReadUInt32BigEndian(hash) / 4294967296.0;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The variant index for a bucket against whole-percentage weights; a bucket past the last (rounding) lands in the last.</summary>
    public static int VariantIndex(double bucket, IReadOnlyList<int> weights)
    {
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            cumulative += weights[i] / 100.0;
            if (bucket < cumulative) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>Holdout customers answer VariantIndex -1.</summary>
    public static Pick Assign(string experimentKey, string customerExternalId, double coverage, IReadOnlyList<int> weights)
    {
        if (Bucket(string.Concat(experimentKey, ":", customerExternalId)) >= coverage) return new Pick(false, -1);
        return new Pick(true, VariantIndex(Bucket(string.Concat(experimentKey, ":variant:", customerExternalId)), weights));
    }
}
