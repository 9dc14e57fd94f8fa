using System.Buffers.Binary;
using System.Numerics;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// A 64-bit hash of bytes, eight at a time (a per-byte hash was a measurable share of reading a large export).
/// Not for security: it only tells values apart in caches and in the set of account IDs seen.
/// </summary>
internal static class Hash64
{
    private const ulong K1 = 0x9E3779B97F4A7C15UL;
    private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;

    public static ulong Of(ReadOnlySpan<byte> data)
    {
        ulong hash = K1 ^ (ulong)data.Length;
        while (data.Length >= 8)
        {
            hash = BitOperations.RotateLeft(hash ^ (BinaryPrimitives.ReadUInt64LittleEndian(data) * K2), 31) * K1;
            data = data[8..];
        }

        ulong tail = 0;
        for (int i = 0; i < data.Length; i++)
        {
            tail |= (ulong)data[i] << (8 * i);
        }

        hash = BitOperations.RotateLeft(hash ^ (tail * K2), 31) * K1;

        // The finaliser of MurmurHash3: every input bit moves every output bit.
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        return hash ^ (hash >> 33);
    }
}
