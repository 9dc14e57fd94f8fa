using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Remembers which account IDs were seen, as 64-bit hashes: a million users cost about 20 MB
/// instead of the ~120 MB the strings would, and a false match is vanishingly rare (it only adds a warning).
/// </summary>
internal sealed class AccountIdSet
{
    private readonly HashSet<ulong> _hashes = [];

    /// <summary>Adds the ID; false when it was seen before.</summary>
    public bool Add(string accountId) => _hashes.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(accountId.AsSpan())));
}
