using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Revoking a user's direct role on a product (Revoke user access, with the workspace id unchanged), as one step
/// of a removal, and reading afterwards whether any role assignment remains. Whether Revoke also strips the user's
/// groups is uncertain: the groups are left first, and the paths are read again after.
/// </summary>
public sealed class RoleRevocation(AccessPathReader paths, string accountId, JiraProduct product, string resource)
{
    /// <summary>The step's name among a removal's changes.</summary>
    public const string StepName = "direct role";

    /// <summary>The step, journaled RoleRevoking, then RoleRevoked or RoleRevokeFailed; a failed call is read back.</summary>
    public ChangeStep Step(Func<JournalEvent, string?, JournalEntry> line, string? startNote) => new()
    {
        Name = StepName,
        Line = line,
        Starting = JournalEvent.RoleRevoking,
        Done = JournalEvent.RoleRevoked,
        AlreadyDone = JournalEvent.RoleAlreadyRevoked,
        Failed = JournalEvent.RoleRevokeFailed,
        StartNote = startNote,
        Call = token => paths.RevokeAsync(accountId, resource, token),
        ReadBack = async token => await paths.HasDirectRoleAsync(accountId, product, token).ConfigureAwait(false) is { } direct ? !direct : null,
        Failing = "revoking the direct role",
        StoppedState = "the user may or may not still hold the role directly",
        UnknownState = "reading the role assignments back failed too: the user may or may not still hold the role directly",
        NotDoneState = "the user still holds the role directly",
        ShownDone = "the direct role is gone",
    };

    /// <summary>
    /// After the revoke, what the role assignments say: Remaining when they still show the product held, Unread when
    /// they could not be read back (the revoke is then not verified); both null when nothing remains.
    /// </summary>
    public async Task<(string? Remaining, string? Unread)> ReadBackAsync(CancellationToken cancellationToken)
    {
        try
        {
            var methods = await paths.RoleMethodsAsync(accountId, product, cancellationToken).ConfigureAwait(false);
            return (methods is { Count: > 0 } ? $"the role assignments still show {product} held ({string.Join(", ", methods)})" : null, null);
        }
        catch (AtlassianApiException e)
        {
            return (null, $"not verified: reading the role assignments back failed: {e.Message}");
        }
    }
}
