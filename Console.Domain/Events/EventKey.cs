using Console.Domain.Data;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Console.Domain.Events;

/// <summary>
/// The 64-bit key that decides whether an eventId is already stored. Its unique index has a fifth of the pages a
/// text index over the ids has, so a commit of a random batch rewrites far fewer of them.
/// Two ids can share a key, rarely: the stored row's eventId is compared, and on a mismatch the next probe is tried,
/// as in an open-addressing hash table. Events are never deleted, so a probe chain never breaks.
/// </summary>
public static class EventKey
{
    /// <summary>The deepest probe the writer tries; reaching it would take several 64-bit collisions in a row.</summary>
    public const int MaxProbe = 8;

    /// <summary>
    /// The first 8 bytes, big-endian, of SHA-256 over the id's UTF-16LE text (with "#probe" after it past probe 0).
    /// That is what T-SQL's <c>CAST(SUBSTRING(HASHBYTES('SHA2_256', CAST(id AS varbinary(max))), 1, 8) AS bigint)</c>
    /// gives for an nvarchar id, so SQL Server's migration fills the keys in SQL.
    /// </summary>
    public static long Of(string eventId, int probe = 0)
    {
        var text = probe == 0 ? eventId : $"{eventId}#{probe}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
