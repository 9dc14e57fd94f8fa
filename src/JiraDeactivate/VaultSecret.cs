using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace JiraDeactivate;

/// <summary>Reads the values of a connection secret stored in a SecretManagement vault as a hashtable.</summary>
internal static class VaultSecret
{
    public static string? Text(Hashtable secret, string name) => Value(secret, name) switch
    {
        string text when text.Length > 0 => text,
        SecureString secure => new NetworkCredential(string.Empty, secure).Password,
        _ => null,
    };

    public static SecureString? Secure(Hashtable secret, string name)
    {
        switch (Value(secret, name))
        {
            case SecureString secure:
                return secure;
            case string text when text.Length > 0:
                var converted = new SecureString();
                foreach (char c in text)
                {
                    converted.AppendChar(c);
                }

                converted.MakeReadOnly();
                return converted;
            default:
                return null;
        }
    }

    private static object? Value(Hashtable secret, string name)
    {
        foreach (DictionaryEntry entry in secret)
        {
            if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            }
        }

        return null;
    }
}
