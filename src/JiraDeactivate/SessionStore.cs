using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate;

/// <summary>
/// The connection of each runspace: two runspaces (ForEach-Object -Parallel, runbooks) never share or mix
/// connections, and a closed runspace's connection goes with it.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, JiraAdminSession> s_sessions = new();

    public static JiraAdminSession? Current => Runspace.DefaultRunspace is { } runspace && s_sessions.TryGetValue(runspace, out var session) ? session : null;

    /// <summary>Makes <paramref name="session"/> this runspace's connection, closing the one it replaces.</summary>
    public static void Set(JiraAdminSession session)
    {
        var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
        var previous = Remove();
        s_sessions.AddOrUpdate(runspace, session);
        previous?.Dispose();
    }

    /// <summary>Forgets this runspace's connection and returns it (the caller disposes it), or null.</summary>
    public static JiraAdminSession? Remove()
    {
        if (Runspace.DefaultRunspace is not { } runspace || !s_sessions.TryGetValue(runspace, out var session))
        {
            return null;
        }

        s_sessions.Remove(runspace);
        return session;
    }
}
