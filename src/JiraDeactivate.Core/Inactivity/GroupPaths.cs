namespace JiraDeactivate.Core.Inactivity;

/// <summary>
/// What a run knows of a product's groups, to say how each judged user holds it: the groups that grant it (Jira's
/// application role) and those an identity provider syncs (the Admin API's group search); either may be unknown.
/// </summary>
/// <param name="Granting">The names of the groups that grant the product; null when not read.</param>
/// <param name="Synced">The names of those an identity provider syncs; null when not read (no Admin API).</param>
public sealed record GroupPaths(IReadOnlySet<string>? Granting, IReadOnlySet<string>? Synced)
{
    public const string Group = "group";
    public const string SyncedGroup = "synced group";
    public const string NotByGroup = "not by a group";

    /// <summary>
    /// The user's paths and synced groups from the user's groups (the CSV's, or the granting groups the API path
    /// listed the user in) and what the source said ("not by a group" for a holder no group explains).
    /// </summary>
    public (TextList Paths, string[] Synced) Of(IReadOnlyCollection<string> userGroups, TextList sourcePaths)
    {
        if (Granting is null)
        {
            return (sourcePaths, []);
        }

        string[] synced = Synced is null ? [] : [.. userGroups.Where(Synced.Contains)];
        bool local = userGroups.Any(g => Granting.Contains(g) && !synced.Contains(g, StringComparer.OrdinalIgnoreCase));
        // A holder none of whose groups grants the product holds it another way (a role assigned directly).
        bool other = sourcePaths.Contains(NotByGroup, StringComparer.Ordinal) || (!local && synced.Length == 0);
        return ((string[])[.. local ? [Group] : Array.Empty<string>(), .. synced.Length > 0 ? [SyncedGroup] : Array.Empty<string>(), .. other ? [NotByGroup] : Array.Empty<string>()], synced);
    }
}
