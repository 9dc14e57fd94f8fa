using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate;

/// <summary>What one input of Restore-JiraProductAccess or Resume-JiraUser selects in a journal: a run, some users, a product; and where its keys are (a folder, or a vault).</summary>
internal sealed record RestoreSelection(string? JournalPath, string? RunId, IReadOnlyList<string> AccountIds, JiraProduct? Product, string? KeyPath = null, string? KeyVault = null)
{
    private readonly WildcardMatcher _accounts = new(AccountIds);

    public bool Includes(JournalEntry entry) =>
        (string.IsNullOrEmpty(RunId) || entry.RunId == RunId)
        && (_accounts.IsEmpty || _accounts.IsMatch(entry.AccountId))
        && (Product is null || entry.Product == Product);
}
