namespace JiraDeactivate.Emulator.State;

/// <summary>Rejects a state document whose references do not resolve, before it replaces the live state.</summary>
internal static class StateValidator
{
    public static void ThrowIfInvalid(StateDocument document)
    {
        var errors = new List<string>();
        if (document.Orgs.Count == 0)
        {
            errors.Add("at least one org is required");
        }

        if (!document.Orgs.Any(o => o.Id == document.Site.OrgId))
        {
            errors.Add($"site.orgId '{document.Site.OrgId}' is not one of the orgs");
        }

        if (string.IsNullOrWhiteSpace(document.Site.CloudId) || string.IsNullOrWhiteSpace(document.Site.Name))
        {
            errors.Add("site.name and site.cloudId are required");
        }

        AddDuplicates(errors, "org id", document.Orgs.Select(o => o.Id), StringComparer.Ordinal);
        AddDuplicates(errors, "account id", document.Users.Select(u => u.AccountId), StringComparer.Ordinal);
        AddDuplicates(errors, "email", document.Users.Where(u => u.Email is not null).Select(u => u.Email!), StringComparer.OrdinalIgnoreCase);
        AddDuplicates(errors, "group id", document.Groups.Select(g => g.GroupId), StringComparer.Ordinal);
        AddDuplicates(errors, "group name", document.Groups.Select(g => g.Name), StringComparer.OrdinalIgnoreCase);

        var accountIds = document.Users.Select(u => u.AccountId).ToHashSet(StringComparer.Ordinal);
        foreach (var group in document.Groups)
        {
            errors.AddRange(group.Members.Where(id => !accountIds.Contains(id)).Select(id => $"group '{group.Name}' lists unknown account '{id}'"));
        }

        var groupNames = document.Groups.Select(g => g.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var referencedGroups = document.Products.SelectMany(p => p.Groups.Concat(p.DefaultGroups))
            .Concat(document.SiteAdminGroups)
            .Concat(document.AdministerGroups);
        errors.AddRange(referencedGroups.Where(n => !groupNames.Contains(n)).Distinct().Select(n => $"unknown group '{n}' referenced"));
        var productKeys = document.Products.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(document.Users.SelectMany(u => u.DirectRoles.Where(k => !productKeys.Contains(k)).Select(k => $"user '{u.AccountId}' holds a direct role on unknown product '{k}'")));
        errors.AddRange(document.Groups.SelectMany(g => (g.IdentityProviderMembers ?? []).Where(id => !accountIds.Contains(id)).Select(id => $"group '{g.Name}' has unknown identity-provider member '{id}'")));
        errors.AddRange(document.Groups.Where(g => !g.Synced && g.IdentityProviderMembers is not null).Select(g => $"group '{g.Name}' has identity-provider members but is not synced"));
        errors.AddRange(document.Products.Where(p => p.DefaultGroups.Except(p.Groups, StringComparer.OrdinalIgnoreCase).Any())
            .Select(p => $"product '{p.Key}' has a default group that is not one of its groups"));

        var emails = document.Users.Where(u => u.Email is not null).Select(u => u.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        errors.AddRange(document.Credentials.JiraTokens.Where(t => !emails.Contains(t.Email))
            .Select(t => $"credential for '{t.Email}' matches no user"));
        errors.AddRange(document.Users.Where(u => u.AccountStatus is not ("active" or "inactive" or "closed"))
            .Select(u => $"user '{u.AccountId}' has an unknown accountStatus '{u.AccountStatus}'"));

        if (errors.Count > 0)
        {
            throw new InvalidDataException("Invalid state: " + string.Join("; ", errors.Take(20)) + ".");
        }
    }

    private static void AddDuplicates(List<string> errors, string what, IEnumerable<string> values, StringComparer comparer) =>
        errors.AddRange(values.GroupBy(v => v, comparer).Where(g => g.Count() > 1).Select(g => $"duplicate {what} '{g.Key}'"));
}
