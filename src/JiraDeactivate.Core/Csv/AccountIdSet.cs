namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Remembers which account IDs were seen, as 64-bit hashes: a million users cost about 20 MB
/// instead of the ~120 MB the strings would, and a false match is vanishingly rare (it only adds a warning).
/// </summary>
internal sealed class AccountIdSet
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private readonly HashSet<ulong> _hashes = [];

    /// <summary>Adds the ID; false when it was seen before.</summary>
    public bool Add(string accountId) => _hashes.Add(Hash(accountId));

    private static ulong Hash(string value)
    {
        ulong hash = FnvOffset;
        foreach (char c in value)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }
}
