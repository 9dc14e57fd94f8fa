using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>One user whose access to a product is to be removed, as given on the pipeline.</summary>
/// <param name="AccountId">The user's Atlassian account ID.</param>
/// <param name="Product">The product to remove access from.</param>
/// <param name="DisplayName">The user's name, for messages.</param>
/// <param name="Site">The site the input is about (CSV users carry it); null when unknown.</param>
/// <param name="OrgRole">The user's organization role when the input carries it (the CSV's "Org role").</param>
/// <param name="Email">The user's email when the input carries it (the CSV, the Admin API): Jira hides some.</param>
/// <param name="Judgment">The inactivity judgment the input carries or the run makes; null for unjudged input.</param>
public sealed record RemovalRequest(string AccountId, JiraProduct Product, string? DisplayName = null, string? Site = null, string? OrgRole = null, string? Email = null, InactivityJudgment? Judgment = null);
