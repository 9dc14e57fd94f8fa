namespace JiraDeactivate.Core.Journal;

/// <summary>
/// Which lines of one run are genuine: sealed with the run's key, each over the seal of the run's line before, numbered
/// 1, 2, 3... in the order of the file, and ending where the key folder's record of the run (its head) says. A line
/// added by hand is simply not genuine; a deleted, moved or edited line breaks the run: from there on nothing matches.
/// </summary>
public static class SealChain
{
    /// <param name="runLines">Every line of the run as read from the journal (any order; taken in file order).</param>
    /// <param name="key">The run's key.</param>
    /// <param name="head">The key folder's record of the run's last line; null when there is none.</param>
    public static SealChainCheck Check(IEnumerable<JournalLine> runLines, byte[] key, JournalHead? head)
    {
        var genuine = new HashSet<long>();
        var sealOf = new Dictionary<long, string>();
        string? lastSeal = null;
        long lastSeq = 0;
        long lastLine = 0;
        bool chained = false;
        foreach (var line in runLines.OrderBy(l => l.Number))
        {
            var entry = line.Entry;
            if (entry.Seal is null)
            {
                continue;
            }

            if (entry.Seq is null)
            {
                // A journal of the version before the chain: each line is sealed alone.
                if (JournalSeal.IsValid(entry, key, null))
                {
                    genuine.Add(line.Number);
                }

                continue;
            }

            chained = true;
            if (entry.Seq == lastSeq + 1 && JournalSeal.IsValid(entry, key, lastSeal))
            {
                genuine.Add(line.Number);
                lastSeal = entry.Seal;
                lastSeq = entry.Seq.Value;
                lastLine = line.Number;
                sealOf[lastSeq] = lastSeal;
            }
        }

        string? broken = null;
        if (chained || head is not null)
        {
            string end = lastSeq == 0 ? "none of its numbered lines is genuine" : $"its genuine lines end at line {lastLine} (number {lastSeq} of the run)";
            if (head is null)
            {
                broken = "the key folder holds no record of the run's last line, so lines deleted from its end would not show";
            }
            else if (lastSeq < head.Count)
            {
                broken = $"{end}, but the key folder records {head.Count} lines: a line after it was deleted, moved or edited";
            }
            else if (!string.Equals(sealOf[head.Count], head.Seal, StringComparison.Ordinal))
            {
                broken = $"its line number {head.Count} is not the one the key folder records: lines were replaced";
            }
        }

        return new SealChainCheck(genuine, broken, lastSeq, lastSeal, chained);
    }
}

/// <summary>
/// The lines of a run that are genuine (by line number in the file), why the run as a whole cannot be trusted (null when
/// it can), and where its chain ends (the next line's number is LastSeq + 1 and it seals over LastSeal).
/// </summary>
public sealed record SealChainCheck(IReadOnlySet<long> Genuine, string? Broken, long LastSeq, string? LastSeal, bool Chained);
