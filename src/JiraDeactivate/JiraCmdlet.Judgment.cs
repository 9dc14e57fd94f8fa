using System.Management.Automation;
using JiraDeactivate.Core.Judgments;

namespace JiraDeactivate;

/// <summary>The seal of inactivity judgments: made by Get-InactiveJiraUser and -PlanOnly, checked by the commands that change users.</summary>
public abstract partial class JiraCmdlet
{
    /// <summary>The seal with this user's judgment key (made on first use); a terminating error when the key cannot be used.</summary>
    private protected JudgmentSeal OpenJudgmentSeal()
    {
        var store = JudgmentKeyStore.Default;
        try
        {
            return new JudgmentSeal(store.GetOrCreate());
        }
        catch (JudgmentKeyException e)
        {
            ThrowTerminatingError(Error($"{e.Message} Nothing was judged or changed.", "JudgmentKeyUnavailable", ErrorCategory.SecurityError, store.Folder, e));
            throw;
        }
    }
}
