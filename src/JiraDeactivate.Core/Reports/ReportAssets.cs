using System.Security.Cryptography;
using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>The report page's style sheet and script (embedded in the assembly) and the Content-Security-Policy that allows exactly them.</summary>
internal static class ReportAssets
{
    private static readonly Lazy<(string Css, string Js, string Policy)> s_assets = new(Load);

    public static string Css => s_assets.Value.Css;

    public static string Script => s_assets.Value.Js;

    /// <summary>
    /// Nothing may load from anywhere; only this style sheet and this script run (by hash, so an injected inline
    /// script or event handler would not run even if escaping failed).
    /// </summary>
    public static string ContentSecurityPolicy => s_assets.Value.Policy;

    private static (string, string, string) Load()
    {
        string css = Read("report.css");
        string js = Read("report.js");
        string policy = $"default-src 'none'; style-src '{Hash(css)}'; script-src '{Hash(js)}'; base-uri 'none'; form-action 'none'";
        return (css, js, policy);
    }

    private static string Read(string name)
    {
        var assembly = typeof(ReportAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream($"JiraDeactivate.Core.Reports.{name}")
            ?? throw new InvalidOperationException($"The report asset {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // One line ending everywhere, so that the hash matches the text written whatever the checkout did.
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
