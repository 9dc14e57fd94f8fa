using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>Escapes text for HTML element content and quoted attribute values.</summary>
internal static class HtmlText
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 16);
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
