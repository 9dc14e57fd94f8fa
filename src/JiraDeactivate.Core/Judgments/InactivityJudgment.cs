namespace JiraDeactivate.Core.Judgments;

/// <summary>
/// The judgment a change acts on: the user was found inactive for more than <paramref name="MoreThan"/> days, with
/// data as of <paramref name="AsOf"/> (UTC). A change is made only for input that carries one.
/// </summary>
/// <param name="MoreThan">The period the last look judges with: the command's -MoreThan, or the sealed judgment's.</param>
/// <param name="AsOf">The data's date.</param>
/// <param name="Sealed">The verified sealed judgment the input carried (its product, site, email and org role evidence); null for a fresh judgment without one.</param>
/// <param name="Fresh">True when the command judges with fresh data (-MoreThan on its own command line).</param>
public sealed record InactivityJudgment(int MoreThan, DateTime AsOf, JudgmentPayload? Sealed = null, bool Fresh = false)
{
    /// <summary>The email the sealed judgment names (the source's, also when Jira hides it).</summary>
    public string? SealedEmail => Sealed?.Email;

    /// <summary>True when the sealed judgment carries an export's organization role (also "none").</summary>
    public bool OrgRoleReported => Sealed?.OrgRoleReported == true;
}
