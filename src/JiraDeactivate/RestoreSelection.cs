using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate;

/// <summary>What one input of Restore-JiraProductAccess selects in a journal: a run, some users, a product.</summary>
internal sealed record RestoreSelection(string? JournalPath, string? RunId, IReadOnlyList<string> AccountIds, JiraProduct? Product)
{
    private readonly WildcardMatcher _accounts = new(AccountIds);

    public bool Includes(JournalEntry entry) =>
        (string.IsNullOrEmpty(RunId) || entry.RunId == RunId)
        && (_accounts.IsEmpty || _accounts.IsMatch(entry.AccountId))
        && (Product is null || entry.Product == Product);
}
