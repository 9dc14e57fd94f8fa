using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate;

/// <summary>
/// The default connection of each runspace: two runspaces (ForEach-Object -Parallel, runbooks) never share or mix
/// default connections, and a closed runspace's connection goes with it. Besides it, every open connection can be
/// found by its connection object (-Connection), so a script can work with several sites side by side.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, JiraAdminSession> s_defaults = new();
    // Every open session by its connection object; Kept: the caller holds the object (Connect-JiraAdmin -PassThru),
    // so the session stays open when another connection becomes the default.
    private static readonly ConditionalWeakTable<JiraAdminConnection, OpenSession> s_open = new();

    public static JiraAdminSession? Current => Runspace.DefaultRunspace is { } runspace && s_defaults.TryGetValue(runspace, out var session) ? session : null;

    /// <summary>The open session <paramref name="connection"/> describes, or null when it was closed (Disconnect-JiraAdmin) or is not one of this process.</summary>
    public static JiraAdminSession? Find(JiraAdminConnection connection) =>
        s_open.TryGetValue(connection, out var open) ? open.Session : null;

    /// <summary>
    /// Makes <paramref name="session"/> this runspace's default connection, closing the one it replaces unless that
    /// one was passed out. <paramref name="kept"/>: the caller holds the connection object.
    /// </summary>
    public static void Set(JiraAdminSession session, bool kept)
    {
        var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
        ClearDefault();
        s_open.AddOrUpdate(session.Connection, new OpenSession(session, kept));
        s_defaults.AddOrUpdate(runspace, session);
    }

    /// <summary>Forgets this runspace's default connection; closes it unless it was passed out (Connect-JiraAdmin -PassThru).</summary>
    public static void ClearDefault()
    {
        if (Runspace.DefaultRunspace is not { } runspace || !s_defaults.TryGetValue(runspace, out var session))
        {
            return;
        }

        s_defaults.Remove(runspace);
        if (!(s_open.TryGetValue(session.Connection, out var open) && open.Kept))
        {
            Close(session);
        }
    }

    /// <summary>Closes this runspace's default connection, passed out or not, and returns it; null when there was none.</summary>
    public static JiraAdminConnection? CloseDefault()
    {
        if (Current is not { } session)
        {
            return null;
        }

        Close(session);
        return session.Connection;
    }

    /// <summary>Closes <paramref name="session"/>: it stops being the default of this runspace and cannot be used again.</summary>
    public static void Close(JiraAdminSession session)
    {
        if (Runspace.DefaultRunspace is { } runspace && s_defaults.TryGetValue(runspace, out var current) && ReferenceEquals(current, session))
        {
            s_defaults.Remove(runspace);
        }

        s_open.Remove(session.Connection);
        session.Dispose();
    }

    private sealed record OpenSession(JiraAdminSession Session, bool Kept);
}
