namespace JiraDeactivate;

/// <summary>Where each cmdlet's help page is online (HelpUri: Get-Help -Online opens it): the page in the repository.</summary>
internal static class HelpPages
{
    public const string Root = "https://github.com/jiradeactivate/JiraDeactivate/blob/main/docs/en-US/";
}
