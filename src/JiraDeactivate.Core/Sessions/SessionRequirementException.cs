namespace JiraDeactivate.Core.Sessions;

/// <summary>A feature needs a credential the session does not have; the message says what to connect.</summary>
public sealed class SessionRequirementException(string message) : Exception(message);
